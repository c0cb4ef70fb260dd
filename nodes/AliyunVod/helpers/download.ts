import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asNodeError, errorJson } from './errors';
import { downloadSettings, type DownloadSettings } from './options';
import type { SnapshotRecord } from './types';

export interface DownloadOptions extends DownloadSettings {
	itemIndex: number;
}

interface FullResponse {
	body: Buffer | ArrayBuffer | string;
	headers: Record<string, string | string[] | undefined>;
}

const DEFAULT_MIME_TYPE = 'image/jpeg';

export function fileNameFromUrl(url: string, fallback: string): string {
	try {
		const segment = new URL(url).pathname.split('/').pop() ?? '';
		return segment === '' ? fallback : decodeURIComponent(segment);
	} catch {
		return fallback;
	}
}

export function mimeTypeFromHeaders(headers: FullResponse['headers']): string {
	const header = headers['content-type'];
	const value = (Array.isArray(header) ? header[0] : header)?.split(';')[0].trim();
	return value ? value : DEFAULT_MIME_TYPE;
}

function toBuffer(body: FullResponse['body']): Buffer {
	if (Buffer.isBuffer(body)) return body;
	return typeof body === 'string' ? Buffer.from(body) : Buffer.from(new Uint8Array(body));
}

/** Snapshot URLs are public or CDN-signed links, so they are fetched without the API credential. */
async function fetchImage(this: IExecuteFunctions, url: string): Promise<FullResponse> {
	return (await this.helpers.httpRequest({
		method: 'GET',
		url,
		encoding: 'arraybuffer',
		returnFullResponse: true,
		json: false,
		abortSignal: this.getExecutionCancelSignal(),
	})) as FullResponse;
}

async function downloadOne(
	this: IExecuteFunctions,
	record: SnapshotRecord,
	options: DownloadOptions,
): Promise<INodeExecutionData> {
	const fileName = fileNameFromUrl(record.Url, `snapshot-${record.Index}.jpg`);
	let response: FullResponse;
	try {
		response = await fetchImage.call(this, record.Url);
	} catch (error) {
		throw new NodeOperationError(this.getNode(), error as Error, {
			message: `Could not download snapshot ${fileName}`,
			description: `GET ${record.Url} failed: ${(error as Error).message}`,
			itemIndex: options.itemIndex,
		});
	}
	const buffer = toBuffer(response.body);
	if (buffer.length > options.maxFileSizeBytes) {
		throw new NodeOperationError(
			this.getNode(),
			`Snapshot ${fileName} is ${buffer.length} bytes, more than the Max File Size of ${options.maxFileSizeBytes} bytes`,
			{ itemIndex: options.itemIndex, description: record.Url },
		);
	}
	const binary = await this.helpers.prepareBinaryData(
		buffer,
		fileName,
		mimeTypeFromHeaders(response.headers),
	);
	return { json: { ...record }, binary: { [options.binaryPropertyName]: binary } };
}

/** One item per image; with continue-on-fail a failed image becomes an error item and the rest still arrive. */
async function downloadSnapshots(
	this: IExecuteFunctions,
	records: SnapshotRecord[],
	options: DownloadOptions,
): Promise<INodeExecutionData[]> {
	const items: INodeExecutionData[] = [];
	for (const record of records) {
		try {
			items.push(await downloadOne.call(this, record, options));
		} catch (error) {
			const nodeError = asNodeError(this.getNode(), error, options.itemIndex);
			if (!this.continueOnFail()) throw nodeError;
			items.push({ json: errorJson(nodeError, { ...record }) });
		}
	}
	return items;
}

/** The snapshots as items or, with Download Images on, one item per downloaded image. */
export async function snapshotItems(
	this: IExecuteFunctions,
	records: SnapshotRecord[],
	options: IDataObject,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	if (!(this.getNodeParameter('downloadImages', itemIndex, false) as boolean)) {
		return records.map((record) => ({ json: { ...record } }));
	}
	return await downloadSnapshots.call(this, records, { ...downloadSettings(options), itemIndex });
}
