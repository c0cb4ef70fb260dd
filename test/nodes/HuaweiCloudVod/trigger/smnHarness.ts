/**
 * The Huawei VOD trigger in SMN mode behind the n8n-like webhook server, with a standalone SMN
 * emulator. n8n's own HTTP client makes the trigger's fetches; the only change is the emulator's
 * self-signed certificate as the request's `ca` (the test process cannot take NODE_EXTRA_CA_CERTS
 * after it started, which is what the e2e test gives n8n instead).
 */
import type { IHttpRequestOptions, INodeParameters, IWebhookFunctions } from 'n8n-workflow';

import { HuaweiCloudVodTrigger } from '../../../../nodes/HuaweiCloudVod/HuaweiCloudVodTrigger.node';
import { SmnEmulator, type SmnDelivery } from '../../../emulator/huawei/smn/smnEmulator';
import { startWebhookTrigger, type TriggerHarness } from '../../../support/webhookTrigger';

export interface SmnTriggerHarness extends TriggerHarness {
	/** Every URL the trigger fetched, in order. */
	readonly fetched: string[];
}

/** A node whose webhook hands n8n's HTTP client the emulator's certificate as trust anchor. */
function trustingEmulator(caPem: string, fetched: string[]): HuaweiCloudVodTrigger {
	const node = new HuaweiCloudVodTrigger();
	const webhook = node.webhook;
	node.webhook = async function (this: IWebhookFunctions) {
		const httpRequest = this.helpers.httpRequest.bind(this.helpers);
		this.helpers.httpRequest = async (options: IHttpRequestOptions) => {
			fetched.push(options.url);
			return await httpRequest({
				...options,
				agentOptions: { ...options.agentOptions, ca: caPem },
			});
		};
		return await webhook.call(this);
	};
	return node;
}

export async function startSmnTrigger(
	smn: SmnEmulator,
	parameters: INodeParameters = {},
): Promise<SmnTriggerHarness> {
	const fetched: string[] = [];
	const harness = await startWebhookTrigger({
		nodeType: trustingEmulator(smn.caPem, fetched),
		typeName: 'n8n-nodes-video-snapshots.huaweiCloudVodTrigger',
		parameters: {
			mode: 'smn',
			events: ['thumbnailComplete'],
			smnExtraHosts: smn.host,
			smnTopicUrns: smn.topicUrn,
			...parameters,
		},
		credentialTypes: {},
		credentials: {},
	});
	await harness.activate();
	return Object.assign(harness, { fetched });
}

export async function startedSmn(): Promise<SmnEmulator> {
	const smn = new SmnEmulator(() => Date.now());
	await smn.start();
	return smn;
}

export function statuses(delivery: SmnDelivery): Array<number | undefined> {
	return delivery.attempts.map((attempt) => attempt.status);
}

const ASSET_ID = '5e1c0a7d9b2f4c3e8a6d1f0b2c4e6a8d';

/** A finished time-point snapshot task, as VOD's thumbnailComplete event carries it (huawei.md §6.3). */
export const THUMBNAIL_EVENT = {
	event_type: 'thumbnailComplete',
	thumbnail_info: {
		asset_id: ASSET_ID,
		status: 'SUCCEED',
		sample: [],
		dots: [3, 7].map((offset) => ({
			offset,
			url: `https://179.cdn-vod.huaweicloud.com/asset/${ASSET_ID}/snapshot/dots/${offset}.jpg`,
		})),
	},
};
