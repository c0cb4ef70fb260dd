import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { credentialText, type HuaweiSettings } from './settings';

/** Hidden fields n8n stores after `preAuthentication`. */
export const HUAWEI_SESSION_FIELD = {
	/** Expirable: n8n calls `preAuthentication` while it is empty, after a 401 and on Test. */
	resolvedFor: 'resolvedFor',
	resolvedProjectId: 'resolvedProjectId',
	iamToken: 'iamToken',
} as const;

export interface HuaweiSession {
	[HUAWEI_SESSION_FIELD.resolvedFor]: string;
	[HUAWEI_SESSION_FIELD.resolvedProjectId]: string;
	[HUAWEI_SESSION_FIELD.iamToken]: string;
}

/** Non-secret description of the settings a session was resolved for; a change makes it stale. */
export function huaweiSessionScope(settings: HuaweiSettings): string {
	const principal =
		settings.authType === 'aksk'
			? settings.accessKeyId
			: `${settings.domainName}/${settings.userName}`;
	return [
		settings.authType,
		settings.region,
		settings.projectId,
		settings.iamEndpoint,
		settings.vodEndpoint,
		principal,
	].join('|');
}

/** The stored session, only when it was resolved for exactly these settings. */
export function currentHuaweiSession(
	credentials: ICredentialDataDecryptedObject,
	settings: HuaweiSettings,
): HuaweiSession | undefined {
	if (
		credentialText(credentials, HUAWEI_SESSION_FIELD.resolvedFor) !== huaweiSessionScope(settings)
	) {
		return undefined;
	}
	return {
		resolvedFor: huaweiSessionScope(settings),
		resolvedProjectId: credentialText(credentials, HUAWEI_SESSION_FIELD.resolvedProjectId),
		iamToken: credentialText(credentials, HUAWEI_SESSION_FIELD.iamToken),
	};
}
