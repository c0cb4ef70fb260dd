import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	INodeCredentialTestResult,
} from 'n8n-workflow';

export const CALLBACK_CREDENTIAL = 'aliyunVodCallbackApi';

export interface CallbackKeys {
	authKey: string;
	previousAuthKey: string;
}

const MAX_KEY_LENGTH = 32;

/** VOD's rule for AuthKey: at most 32 characters, with upper-case, lower-case letters and digits. */
export function authKeyProblem(key: string): string | undefined {
	if (key.length === 0) return 'is empty';
	if (key.length > MAX_KEY_LENGTH)
		return `is ${key.length} characters long; VOD allows at most ${MAX_KEY_LENGTH}`;
	if (!/[A-Z]/.test(key)) return 'must contain an upper-case letter';
	if (!/[a-z]/.test(key)) return 'must contain a lower-case letter';
	if (!/[0-9]/.test(key)) return 'must contain a digit';
	return undefined;
}

export function callbackKeysFrom(data: ICredentialDataDecryptedObject | undefined): CallbackKeys {
	const text = (value: unknown) => (typeof value === 'string' ? value : '');
	return { authKey: text(data?.authKey), previousAuthKey: text(data?.previousAuthKey) };
}

/** Keys a callback may be signed with, current first. */
export function acceptedKeys(keys: CallbackKeys): string[] {
	return [keys.authKey, keys.previousAuthKey].filter((key) => key.length > 0);
}

function checkCallbackKeys(keys: CallbackKeys): INodeCredentialTestResult {
	const current = authKeyProblem(keys.authKey);
	if (current !== undefined) return { status: 'Error', message: `Auth Key ${current}` };
	if (keys.previousAuthKey.length > 0) {
		const previous = authKeyProblem(keys.previousAuthKey);
		if (previous !== undefined)
			return { status: 'Error', message: `Previous Auth Key ${previous}` };
	}
	return { status: 'OK', message: 'The key has the format VOD requires' };
}

/**
 * No VOD API can tell whether a callback key is right (only VOD's signed callbacks can), so the
 * credential test checks the format VOD enforces on SetMessageCallback.
 */
export async function testCallbackKey(
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	return checkCallbackKeys(callbackKeysFrom(credential.data));
}
