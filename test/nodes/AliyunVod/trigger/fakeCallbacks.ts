import type { MessageCallback } from '../../../../nodes/AliyunVod/transport/types';
import type { MessageCallbackApi } from '../../../../nodes/AliyunVod/trigger/types';

export type ApiCall =
	| { action: 'GetMessageCallback'; appId: string }
	| { action: 'SetMessageCallback'; setting: MessageCallback & { AppId: string } }
	| { action: 'DeleteMessageCallback'; appId: string };

/** VOD's callback settings held per AppId, as Get/Set/DeleteMessageCallback document them. */
export class FakeVodCallbacks implements MessageCallbackApi {
	readonly calls: ApiCall[] = [];
	readonly settings = new Map<string, MessageCallback>();

	async get(appId: string): Promise<MessageCallback | undefined> {
		this.calls.push({ action: 'GetMessageCallback', appId });
		const setting = this.settings.get(appId);
		return setting === undefined ? undefined : { ...setting, AppId: appId };
	}

	async set(setting: MessageCallback & { AppId: string }): Promise<void> {
		this.calls.push({ action: 'SetMessageCallback', setting: { ...setting } });
		const { AppId, ...rest } = setting;
		this.settings.set(AppId, rest);
	}

	async delete(appId: string): Promise<void> {
		this.calls.push({ action: 'DeleteMessageCallback', appId });
		this.settings.delete(appId);
	}

	writes(): ApiCall[] {
		return this.calls.filter((call) => call.action !== 'GetMessageCallback');
	}
}
