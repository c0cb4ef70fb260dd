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

/** The character classes VOD requires in an AuthKey, each named as a message lists it. */
const REQUIRED_CLASSES: ReadonlyArray<readonly [RegExp, string]> = [
	[/[A-Z]/, 'an upper-case letter'],
	[/[a-z]/, 'a lower-case letter'],
	[/[0-9]/, 'a digit'],
];

function inEnglishList(items: readonly string[]): string {
	return items.length < 2
		? items.join('')
		: `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function otherCharacters(key: string): string[] {
	return [...new Set(key.replace(/[A-Za-z0-9]/g, ''))];
}

/**
 * Every rule of VOD's AuthKey the key breaks (at most 32 characters, only letters and digits, with
 * upper-case, lower-case letters and digits), or undefined when it has the format VOD requires.
 */
export function authKeyProblem(key: string): string | undefined {
	if (key.length === 0) return 'is empty';
	const problems: string[] = [];
	if (key.length > MAX_KEY_LENGTH) {
		problems.push(`is ${key.length} characters long; VOD allows at most ${MAX_KEY_LENGTH}`);
	}
	const others = otherCharacters(key);
	if (others.length > 0) {
		const found = others.map((character) => JSON.stringify(character)).join(', ');
		problems.push(`may contain only letters and digits (found ${found})`);
	}
	const missing = REQUIRED_CLASSES.filter(([pattern]) => !pattern.test(key)).map(
		([, name]) => name,
	);
	if (missing.length > 0) problems.push(`must contain ${inEnglishList(missing)}`);
	return problems.length === 0 ? undefined : problems.join('; ');
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
