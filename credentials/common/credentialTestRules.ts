import type {
	IAuthenticateRuleResponseCode,
	IAuthenticateRuleResponseSuccessBody,
	ICredentialTestRequest,
} from 'n8n-workflow';

/** What a credential's Test should say for an HTTP status, or for an error code inside a 2xx body. */
export interface CredentialTestFailures {
	statuses: ReadonlyArray<readonly [number, string]>;
	bodyCodeKey: string;
	bodyCodes: ReadonlyArray<readonly [string, string]>;
}

/**
 * The clouds answer most credential errors with a 4xx, which n8n's tester matches only against
 * `responseCode` rules; errors inside a 200 body need `responseSuccessBody` rules. The tester reads
 * both kinds from one list (n8n's credentials-tester.service checks each rule's `type`), although
 * the type names one kind per list.
 */
export function credentialTestRules(
	failures: CredentialTestFailures,
): ICredentialTestRequest['rules'] {
	const byStatus = failures.statuses.map(
		([status, message]): IAuthenticateRuleResponseCode => ({
			type: 'responseCode',
			properties: { value: status, message },
		}),
	);
	const byBodyCode = failures.bodyCodes.map(
		([code, message]): IAuthenticateRuleResponseSuccessBody => ({
			type: 'responseSuccessBody',
			properties: { key: failures.bodyCodeKey, value: code, message: `${message} (${code})` },
		}),
	);
	return [...byStatus, ...byBodyCode] as ICredentialTestRequest['rules'];
}
