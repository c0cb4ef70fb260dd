import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

/**
 * The AuthKey VOD signs its HTTP callbacks with. It is only used to verify callbacks (and, with
 * auto-registration, sent to SetMessageCallback), so the trigger node tests it with `testedBy`.
 */
export class AliyunVodCallbackApi implements ICredentialType {
	name = 'aliyunVodCallbackApi';

	displayName = 'Alibaba Cloud VOD Callback Key API';

	icon: Icon = { light: 'file:../icons/aliyun.svg', dark: 'file:../icons/aliyun.dark.svg' };

	documentationUrl = 'https://www.alibabacloud.com/help/en/vod/user-guide/http-callbacks';

	properties: INodeProperties[] = [
		{
			displayName: 'Auth Key',
			name: 'authKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The callback authentication key set in VOD: at most 32 characters, only letters and digits, with upper-case, lower-case letters and digits',
		},
		{
			displayName: 'Previous Auth Key',
			name: 'previousAuthKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'During a key rotation, the key VOD may still sign with; callbacks signed with either key are accepted. Clear it once VOD uses the new key.',
		},
	];
}
