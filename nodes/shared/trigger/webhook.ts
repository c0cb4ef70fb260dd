import type { IDataObject, IWebhookResponseData } from 'n8n-workflow';

import { rememberEvent } from './dedupe';
import { eventIdOf, parseEventBody, publicHeaders } from './event';
import { headerValue } from '../http';
import { bodyTooLarge, DEFAULT_MAX_BODY_BYTES, MALFORMED_BODY, refuse } from './refusal';
import type { Refusal } from './refusal';
import type { WebhookContext, WebhookRequest } from './types';

/** What a cloud's webhook trigger supplies; the pipeline does the rest. */
export interface WebhookPipeline<Settings> {
	readSettings(context: WebhookContext): Settings;
	/** The refusal to answer, or undefined when the delivery is authentic (or not checked). */
	verify(context: WebhookContext, settings: Settings): Promise<Refusal | undefined>;
	/** Whether the user chose this event; others are answered 200 and start nothing. */
	select(event: IDataObject, settings: Settings): boolean;
	/** The event as the workflow gets it (the pipeline adds `eventId` and `headers`). */
	toOutput(event: IDataObject): IDataObject;
	/** Headers that carry the delivery's signature, withheld from the output. */
	signatureHeaders: readonly string[];
	/** Largest body accepted; DEFAULT_MAX_BODY_BYTES when not set. */
	maxBodyBytes?: number;
}

/** The body's size: the raw bytes n8n kept, else what Content-Length declares. */
function bodyBytes(request: WebhookRequest): number {
	if (request.rawBody !== undefined) return request.rawBody.length;
	const declared = Number(headerValue(request.headers, 'content-length') ?? 0);
	return Number.isFinite(declared) ? declared : 0;
}

/**
 * size → verify → parse → select → dedupe → emit for one delivery. It makes no network call, so it
 * answers within a cloud's callback deadline; anything but a refusal is answered 200 so the cloud
 * stops retrying.
 */
export async function handleWebhook<Settings>(
	context: WebhookContext,
	pipeline: WebhookPipeline<Settings>,
): Promise<IWebhookResponseData> {
	const request = context.getRequestObject();
	const maxBodyBytes = pipeline.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
	if (bodyBytes(request) > maxBodyBytes) return refuse(context, bodyTooLarge(maxBodyBytes));

	const settings = pipeline.readSettings(context);
	const refusal = await pipeline.verify(context, settings);
	if (refusal) return refuse(context, refusal);

	const event = parseEventBody(request.rawBody, request.body);
	if (event === undefined) return refuse(context, MALFORMED_BODY);
	if (!pipeline.select(event, settings)) return { webhookResponse: 'Event type not selected' };

	const eventId = eventIdOf(event);
	// n8n saves static data after production webhooks only; in a test run it would merely stop
	// the user from re-sending the same sample.
	const isTest = context.getMode() === 'manual';
	const staticData = context.getWorkflowStaticData('node');
	if (!isTest && !rememberEvent(staticData, eventId, scopeOf(context), Date.now())) {
		return { webhookResponse: 'Duplicate delivery ignored' };
	}
	const output: IDataObject = {
		...pipeline.toOutput(event),
		eventId,
		headers: publicHeaders(request.headers, pipeline.signatureHeaders),
	};
	return acceptAndStart(context, output);
}

/** The trigger node's identity for the dedupe memory: its workflow and its node id. */
function scopeOf(context: WebhookContext): string {
	const node = context.getNode();
	return `${context.getWorkflow().id ?? ''}/${node.id || node.name}`;
}

/**
 * Answers 200 with an empty body before n8n starts the run. n8n 2.41.1 saves static data in its
 * response callback, and only a callback made before WorkflowRunner.run finds the data marked
 * changed (the run wraps the same object in a new Workflow, which clears the mark); answering
 * first is what makes the recorded event id persist. It also keeps within the clouds' callback
 * deadlines (VOD redelivers when the answer takes over 5 s), whatever the run does.
 */
function acceptAndStart(context: WebhookContext, output: IDataObject): IWebhookResponseData {
	context.getResponseObject().status(200).end();
	return { noWebhookResponse: true, workflowData: [[{ json: output }]] };
}
