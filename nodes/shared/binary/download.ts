import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { PartFailure } from '../actions/itemErrors';
import { classifyError, type ErrorProvider } from '../errors';
import { upperFirst } from '../text';
import { digitsValue, headerValue } from '../http';
import { isReadableBody, OverCapError, readCapped } from './cappedBody';
import type { ReadableBody } from './cappedBody';
import { fileNameFromUrl, mimeTypeFromHeaders } from './fileInfo';
import type { ResponseHeaders } from './fileInfo';
import type { DownloadSettings } from './settings';

/** One file to fetch; `json` becomes the output item's json. */
export interface DownloadRequest {
	url: string;
	fallbackFileName: string;
	json: IDataObject;
	/**
	 * The error item's details when the download fails, `json` when left out. A pre-signed link
	 * carries a signature derived from the credential: name the file here instead of the link.
	 */
	failureDetails?: IDataObject;
}

export interface DownloadJob extends DownloadSettings {
	itemIndex: number;
	/** What a file is called in messages, e.g. `snapshot`. */
	label: string;
	/** Whose error answers the files' host gives (OSS: an `<Error>` XML body), to name its code. */
	errorProvider?: ErrorProvider;
}

/** Enough of an error answer for its code, message and request id. */
const ERROR_BODY_BYTES = 8192;

interface StreamResponse {
	body: ReadableBody;
	headers: ResponseHeaders;
}

interface FileToFetch {
	url: string;
	fileName: string;
	job: DownloadJob;
}

/**
 * Replaces the streamed body of an error answer by its first bytes as text, so the provider's
 * code can be read from it; a longer or unreadable body is dropped.
 */
async function readErrorBody(error: unknown): Promise<void> {
	if (typeof error !== 'object' || error === null || !('response' in error)) return;
	const { response } = error;
	if (typeof response !== 'object' || response === null || !('data' in response)) return;
	const body = response.data;
	if (!isReadableBody(body)) return;
	const text = await readCapped(body, ERROR_BODY_BYTES, new AbortController()).then(
		(bytes) => bytes.toString('utf8'),
		() => '',
	);
	body.destroy();
	response.data = text;
}

/** "(<code>: <message>, request id <id>)" from the provider's error answer, or nothing. */
function providerFacts(provider: ErrorProvider | undefined, error: unknown): string {
	if (provider === undefined) return '';
	const { code, message, requestId } = classifyError(provider, error);
	if (code === undefined) return '';
	const facts = [
		[code, message].filter(Boolean).join(': '),
		requestId && `request id ${requestId}`,
	];
	return ` (${facts.filter(Boolean).join(', ')})`;
}

/** Snapshot URLs are public or CDN-signed links, so they are fetched without the API credential. */
async function openStream(
	this: IExecuteFunctions,
	url: string,
	timeoutMs: number,
	signal: AbortSignal,
): Promise<StreamResponse> {
	const response: unknown = await this.helpers.httpRequest({
		method: 'GET',
		url,
		encoding: 'stream',
		returnFullResponse: true,
		json: false,
		timeout: timeoutMs,
		abortSignal: signal,
	});
	const { body, headers } = (response ?? {}) as { body?: unknown; headers?: ResponseHeaders };
	if (!isReadableBody(body)) throw new Error('the response has no readable body');
	return { body, headers: headers ?? {} };
}

/**
 * The link as messages show it: without its query, which holds the signature, the token or the
 * key id of a pre-signed or CDN-signed link.
 */
function linkWithoutQuery(url: string): string {
	return url.split(/[?#]/, 1)[0];
}

function overCapError(this: IExecuteFunctions, file: FileToFetch, error: OverCapError) {
	const { label, maxFileSizeBytes, itemIndex } = file.job;
	const name = `${upperFirst(label)} ${file.fileName}`;
	const message = error.declared
		? `${name} is ${error.bytes} bytes, more than the Max File Size of ${maxFileSizeBytes} bytes`
		: `${name} is larger than the Max File Size of ${maxFileSizeBytes} bytes (stopped reading at ${error.bytes} bytes)`;
	return new NodeOperationError(this.getNode(), message, {
		itemIndex,
		description: linkWithoutQuery(file.url),
	});
}

function fetchError(this: IExecuteFunctions, file: FileToFetch, error: unknown, timedOut: boolean) {
	const reason = timedOut
		? `it did not finish within ${file.job.timeoutMs / 1000} seconds`
		: error instanceof Error
			? error.message
			: String(error);
	return new NodeOperationError(this.getNode(), error as Error, {
		message: `Could not download ${file.job.label} ${file.fileName}`,
		description: `GET ${linkWithoutQuery(file.url)} failed: ${reason}${providerFacts(file.job.errorProvider, error)}`,
		itemIndex: file.job.itemIndex,
	});
}

/**
 * Makes any of `signals` abort `controller`; the returned function detaches it again, so a
 * long-lived signal (the execution's cancel signal) keeps nothing per download.
 */
function abortWhenAny(controller: AbortController, signals: AbortSignal[]): () => void {
	const detachers = signals.map((signal) => {
		const abort = () => controller.abort(signal.reason);
		if (signal.aborted) abort();
		else signal.addEventListener('abort', abort, { once: true });
		return () => signal.removeEventListener('abort', abort);
	});
	return () => detachers.forEach((detachOne) => detachOne());
}

/**
 * Refuses a declared Content-Length above the cap before reading, then counts while reading.
 * Stopping aborts the request first: n8n's HTTP client closes the connection on an abort only
 * while the body is still open.
 */
async function fetchCapped(
	this: IExecuteFunctions,
	file: FileToFetch,
): Promise<{ buffer: Buffer; headers: ResponseHeaders }> {
	const { timeoutMs, maxFileSizeBytes } = file.job;
	const deadline = AbortSignal.timeout(timeoutMs);
	const cancel = this.getExecutionCancelSignal();
	const stop = new AbortController();
	const detach = abortWhenAny(stop, cancel ? [deadline, cancel] : [deadline]);
	try {
		const { body, headers } = await openStream.call(this, file.url, timeoutMs, stop.signal);
		const declared = digitsValue(headerValue(headers, 'content-length'));
		if (declared !== undefined && declared > maxFileSizeBytes) {
			stop.abort();
			body.destroy();
			throw new OverCapError(declared, true);
		}
		return { buffer: await readCapped(body, maxFileSizeBytes, stop), headers };
	} catch (error) {
		if (error instanceof OverCapError) throw overCapError.call(this, file, error);
		await readErrorBody(error);
		throw fetchError.call(this, file, error, deadline.aborted);
	} finally {
		detach();
	}
}

async function downloadOne(
	this: IExecuteFunctions,
	request: DownloadRequest,
	job: DownloadJob,
): Promise<INodeExecutionData> {
	const fileName = fileNameFromUrl(request.url, request.fallbackFileName);
	const { buffer, headers } = await fetchCapped.call(this, { url: request.url, fileName, job });
	const binary = await this.helpers.prepareBinaryData(
		buffer,
		fileName,
		mimeTypeFromHeaders(headers),
	);
	return { json: { ...request.json }, binary: { [job.binaryPropertyName]: binary } };
}

/**
 * Downloads the files one by one, yielding an item with binary data or the failure of each.
 * Whether a failure stops the item is the router's decision (nodes/shared/actions/router.ts);
 * it stops iterating at the first one when continue-on-fail is off, so nothing more is fetched.
 */
export async function* downloadEach(
	this: IExecuteFunctions,
	requests: DownloadRequest[],
	job: DownloadJob,
): AsyncGenerator<INodeExecutionData | PartFailure> {
	for (const request of requests) {
		try {
			yield await downloadOne.call(this, request, job);
		} catch (error) {
			yield new PartFailure(error, { ...(request.failureDetails ?? request.json) });
		}
	}
}
