import type {
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	INodeCredentialTestResult,
} from 'n8n-workflow';

/**
 * VOD has no API to set its notification URL (huawei.md §6.1): the user pastes the Production URL
 * in the console, so activation has nothing to register or remove in VOD.
 */
export const manualRegistration = {
	async checkExists(): Promise<boolean> {
		return await Promise.resolve(false);
	},
	async create(): Promise<boolean> {
		return await Promise.resolve(true);
	},
	async delete(): Promise<boolean> {
		return await Promise.resolve(true);
	},
};

function keyProblem(label: string, value: unknown, required: boolean): string | undefined {
	const key = typeof value === 'string' ? value : '';
	if (key === '') return required ? `${label} is empty` : undefined;
	return key.trim() === key ? undefined : `${label} starts or ends with a space`;
}

/** The key cannot be checked against VOD (nothing to call), only its form; names the field at fault. */
export async function testCallbackKey(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const problem =
		keyProblem('Authentication Key', data.authKey, true) ??
		keyProblem('Previous Authentication Key', data.previousAuthKey, false);
	return await Promise.resolve(
		problem === undefined
			? { status: 'OK', message: 'The key is set; VOD checks it on its first notification' }
			: { status: 'Error', message: problem },
	);
}
