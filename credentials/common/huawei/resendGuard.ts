import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { huaweiCredentialError } from './settings';

/**
 * After a failed request n8n may run `preAuthentication` again and send the request once more with
 * the options `authenticate` returned the first time, on the same decrypted credentials object:
 * `httpRequestWithAuthentication` after a 401 (the credential's Test, since n8n-core 2.40.1 whatever
 * `preAuthentication` returns), the HTTP Request node after any error. Sent with the same key or the
 * same IAM token, the second attempt can only fail again, and Huawei locks an access key for 5
 * minutes after 5 failed authentications. Both objects belong to one request and die with it.
 */

/** The key or token each signed request was authenticated with. */
const authenticatedWith = new WeakMap<object, string>();

/** The failure of the session resolution run on a credentials object. */
const failedResolutions = new WeakMap<ICredentialDataDecryptedObject, unknown>();

const NOT_SENT_AGAIN =
	'Huawei Cloud rejected the credentials, and n8n was kept from sending the request again with the same AK/SK or IAM token: Huawei locks an access key for 5 minutes after 5 failed authentications. Check the AK/SK (and Security Token), or the IAM user and password, and the n8n host clock.';

/** Refuses options this credential already authenticated with `authentication`: n8n re-sending them. */
export function assertNotResent(incoming: object, authentication: string): void {
	if (authenticatedWith.get(incoming) === authentication) {
		throw huaweiCredentialError(NOT_SENT_AGAIN);
	}
}

/** Remembers what `signed` was authenticated with (an AK, or the IAM token), for `assertNotResent`. */
export function rememberAuthentication(
	signed: IHttpRequestOptions,
	authentication: string,
): IHttpRequestOptions {
	authenticatedWith.set(signed, authentication);
	return signed;
}

/**
 * Runs `resolve` at most once per credentials object while it fails: a second call on the object
 * whose resolution failed (n8n retrying a sign-in with the same wrong password or key) throws the
 * first failure again without a request.
 */
export async function resolveOnceOnFailure<T>(
	credentials: ICredentialDataDecryptedObject,
	resolve: () => Promise<T>,
): Promise<T> {
	if (failedResolutions.has(credentials)) throw failedResolutions.get(credentials);
	const resolution = resolve();
	// Registered before the caller awaits, so the failure is recorded before the caller sees it.
	void resolution.catch((error: unknown) => failedResolutions.set(credentials, error));
	return await resolution;
}
