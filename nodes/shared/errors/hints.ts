import type { ClassifiedError } from './classify';
import { providerErrors } from './providers';

function clientHint(classified: ClassifiedError): string | undefined {
	const code = classified.code ?? '';
	const providerHint = providerErrors(classified.provider).clientHints?.get(code);
	if (providerHint !== undefined) return providerHint;
	return /^APIGW?\.0101$/.test(code) || classified.httpStatus === 404
		? 'The API was not found: check the region or endpoint in the credential.'
		: undefined;
}

/** What the user can do about the error, for the common causes. */
export function hintFor(
	classified: ClassifiedError,
	action: string | undefined,
): string | undefined {
	const table = providerErrors(classified.provider);
	switch (classified.kind) {
		case 'auth':
			return table.authHint;
		case 'clock':
			return "The n8n host's clock differs from the cloud's by more than 15 minutes. Synchronise it (NTP) and run again.";
		case 'nonce':
			return 'The signature nonce was already used; this resolves itself on the next request.';
		case 'permission':
			return table.permissionHint(action ? `"${action}"` : 'this operation');
		case 'throttled':
			return `${table.cloudName} rejected the request because of its rate limit, even after retries. Process fewer items at a time or ask for a higher quota.`;
		case 'server':
			return `${table.cloudName} failed to process the request. Try again later.`;
		case 'network':
			return 'The cloud endpoint could not be reached. Check the region or endpoint override in the credential and the network or proxy settings.';
		case 'timeout':
			return 'The request timed out.';
		case 'client':
			return clientHint(classified);
	}
}
