import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import { aliyunRpcRequest } from '../../shared/transport/aliyunRpc';
import { toMessageCallback } from './registration';
import type { MessageCallbackApi } from './types';

/** VOD's Get/Set/DeleteMessageCallback through the aliyunApi credential. All three are idempotent. */
export function vodMessageCallbackApi(context: IHookFunctions): MessageCallbackApi {
	const request = aliyunRpcRequest<IDataObject>;
	const call = async (action: string, params: Record<string, string>) =>
		await request.call(context, { product: 'vod', action, params, idempotent: true });
	return {
		async get(appId) {
			const response = await call('GetMessageCallback', { AppId: appId });
			return toMessageCallback(response.MessageCallback);
		},
		async set(setting) {
			const params: Record<string, string> = {};
			for (const [name, value] of Object.entries(setting)) {
				if (typeof value === 'string') params[name] = value;
			}
			await call('SetMessageCallback', params);
		},
		async delete(appId) {
			await call('DeleteMessageCallback', { AppId: appId });
		},
	};
}
