import type { IHookFunctions } from 'n8n-workflow';

import { vodRequest } from '../transport';
import { toMessageCallback } from './registration';
import type { MessageCallbackApi } from './types';

/** VOD's Get/Set/DeleteMessageCallback through the aliyunApi credential. */
export function vodMessageCallbackApi(context: IHookFunctions): MessageCallbackApi {
	return {
		async get(appId) {
			const response = await vodRequest(context, 'GetMessageCallback', { AppId: appId });
			return toMessageCallback(response.MessageCallback);
		},
		async set(setting) {
			await vodRequest(context, 'SetMessageCallback', setting);
		},
		async delete(appId) {
			await vodRequest(context, 'DeleteMessageCallback', { AppId: appId });
		},
	};
}
