import { createHash } from 'crypto';

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { credentialText, type HuaweiSettings } from './settings';

/** Hidden fields n8n stores after `preAuthentication`. */
export const HUAWEI_SESSION_FIELD = {
	/** Expirable: n8n calls `preAuthentication` while it is empty, after a 401 and on Test. */
	resolvedFor: 'resolvedFor',
	resolvedProjectId: 'resolvedProjectId',
	iamToken: 'iamToken',
	/** When the IAM token expires, by this host's clock (ISO 8601); empty for AK/SK. */
	tokenExpiresAt: 'tokenExpiresAt',
} as const;

export interface HuaweiSession {
	[HUAWEI_SESSION_FIELD.resolvedFor]: string;
	[HUAWEI_SESSION_FIELD.resolvedProjectId]: string;
	[HUAWEI_SESSION_FIELD.iamToken]: string;
	[HUAWEI_SESSION_FIELD.tokenExpiresAt]: string;
}

/**
 * A token this close to its expiry is renewed. Kept short on purpose: n8n asks for a renewal only after
 * a failed request, and a renewal makes n8n send that request again, so every minute of margin is a
 * minute in which a failed POST would be sent twice. The expiry is measured on this host's clock (see
 * `localTokenExpiry`), so the margin only has to cover a request in flight, not clock skew.
 */
export const TOKEN_RENEWAL_MARGIN_MS = 2 * 60 * 1000;

/**
 * A new password must sign in again (and a Test must check it) even though the stored token is
 * still valid, so the scope names the password by a digest; the scope is stored beside the password
 * in the same encrypted credential, and never output.
 */
function passwordDigest(password: string): string {
	return createHash('sha256').update(password, 'utf8').digest('hex').slice(0, 16);
}

/** Description of the settings a session was resolved for, without secrets; a change makes it stale. */
export function huaweiSessionScope(settings: HuaweiSettings): string {
	const principal =
		settings.authType === 'aksk'
			? settings.accessKeyId
			: `${settings.domainName}/${settings.userName}/${passwordDigest(settings.password)}`;
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
		tokenExpiresAt: credentialText(credentials, HUAWEI_SESSION_FIELD.tokenExpiresAt),
	};
}

/**
 * When a token IAM issued expires, on this host's clock: its lifetime as IAM states it
 * (`expires_at - issued_at`, both on IAM's clock) counted from `requestedAt`, taken before the
 * sign-in was sent, so the result is never later than the real expiry whatever the clocks say.
 * Undefined when either time is missing or the lifetime is not positive.
 */
export function localTokenExpiry(
	issuedAt: unknown,
	expiresAt: unknown,
	requestedAt: Date,
): Date | undefined {
	const issued = typeof issuedAt === 'string' ? Date.parse(issuedAt) : Number.NaN;
	const expires = typeof expiresAt === 'string' ? Date.parse(expiresAt) : Number.NaN;
	const lifetimeMs = expires - issued;
	if (!Number.isFinite(lifetimeMs) || lifetimeMs <= 0) return undefined;
	return new Date(requestedAt.getTime() + lifetimeMs);
}

/** True while the session's token can be sent: present, and more than the margin before its expiry. */
export function hasUsableToken(session: HuaweiSession | undefined, now: Date): boolean {
	if (!session?.iamToken) return false;
	const expiresAt = Date.parse(session.tokenExpiresAt);
	return Number.isFinite(expiresAt) && expiresAt - now.getTime() > TOKEN_RENEWAL_MARGIN_MS;
}
