import type { EmulatorRequest, EmulatorResponse } from './http';
import { requestAction, type FaultKind } from './faults';
import { isRecord, parseJson } from './json';

export interface RequestOutcome {
	status: number;
	/** Provider error code read from the response body, if it carries one. */
	code?: string;
	fault?: FaultKind;
}

export interface RecordedRequest {
	seq: number;
	method: string;
	rawUrl: string;
	headers: Record<string, string>;
	body: string;
	receivedAt: number;
	/** AccessKeyId (or Huawei AK) the request claimed, whether or not it was accepted. */
	identity?: string;
	action?: string;
	outcome: RequestOutcome;
}

const HEADER_IDENTITY_PATTERNS = [
	/Credential=([^,\s]+)/, // ACS3-HMAC-SHA256
	/^MNS ([^:]+):/, // MNS
	/^OSS ([^:]+):/, // OSS V1
	/Access=([^,\s]+)/, // Huawei SDK-HMAC-SHA256
];

function identityOf(req: EmulatorRequest): string | undefined {
	const fromQuery =
		req.url.searchParams.get('AccessKeyId') ?? req.url.searchParams.get('OSSAccessKeyId');
	if (fromQuery) return fromQuery;
	const authorization = req.headers.authorization ?? '';
	for (const pattern of HEADER_IDENTITY_PATTERNS) {
		const found = pattern.exec(authorization);
		if (found) return found[1];
	}
	if (req.headers['content-type']?.startsWith('application/x-www-form-urlencoded')) {
		return new URLSearchParams(req.body.toString('utf8')).get('AccessKeyId') ?? undefined;
	}
	return undefined;
}

function errorCodeOf(response: EmulatorResponse): string | undefined {
	if (response.body === undefined) return undefined;
	const text = response.body.toString();
	const xmlCode = /<Error[^>]*>[\s\S]*<Code>([^<]+)<\/Code>/.exec(text);
	if (xmlCode) return xmlCode[1];
	return topLevelJsonCode(text);
}

/** Only a top-level `Code`/`error_code`: a successful MPS job list also has `Code` inside jobs. */
function topLevelJsonCode(text: string): string | undefined {
	const parsed = parseJson(text);
	if (!isRecord(parsed)) return undefined;
	const code = parsed.Code ?? parsed.error_code;
	return typeof code === 'string' ? code : undefined;
}

/** Oldest entries are dropped past this, so long benchmark runs do not grow without bound. */
const MAX_ENTRIES = 10_000;

export class RequestLog {
	private entries: RecordedRequest[] = [];
	private nextSeq = 1;

	record(
		req: EmulatorRequest,
		response: EmulatorResponse | undefined,
		fault?: FaultKind,
	): RecordedRequest {
		const entry: RecordedRequest = {
			seq: this.nextSeq++,
			method: req.method,
			rawUrl: req.rawUrl,
			headers: req.headers,
			body: req.body.toString('utf8'),
			receivedAt: req.receivedAt,
			identity: identityOf(req),
			action: requestAction(req),
			outcome: {
				status: response?.status ?? 0,
				code: response ? errorCodeOf(response) : undefined,
				fault,
			},
		};
		this.entries.push(entry);
		if (this.entries.length > MAX_ENTRIES) this.entries.shift();
		return entry;
	}

	list(sinceSeq = 0): RecordedRequest[] {
		return this.entries.filter((entry) => entry.seq > sinceSeq);
	}

	clear(): void {
		this.entries = [];
	}
}
