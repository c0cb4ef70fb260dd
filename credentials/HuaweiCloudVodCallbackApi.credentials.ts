import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

/**
 * The authentication key of VOD's MFS notifications (VOD console, Global Settings > Notification
 * Settings, "Generate"). It is only used to verify callbacks, so nothing is sent to test it.
 */
export class HuaweiCloudVodCallbackApi implements ICredentialType {
	name = 'huaweiCloudVodCallbackApi';

	displayName = 'Huawei Cloud VOD Callback Key API';

	icon: Icon = {
		light: 'file:../icons/huaweicloud.svg',
		dark: 'file:../icons/huaweicloud.dark.svg',
	};

	documentationUrl = 'https://support.huaweicloud.com/intl/en-us/usermanual-vod/vod_01_0091.html';

	properties: INodeProperties[] = [
		{
			displayName: 'Authentication Key',
			name: 'authKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The key shown in the VOD console under Notification Settings after "Generate"; VOD signs each MFS callback with it (auth_sign)',
		},
		{
			displayName: 'Previous Authentication Key',
			name: 'previousAuthKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'During a key rotation, the key VOD may still sign with; callbacks signed with either key are accepted. Clear it once VOD uses the new key.',
		},
	];
}
