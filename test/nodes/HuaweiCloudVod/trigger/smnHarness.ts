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

/** The doc's thumbnailComplete sample (huawei.md §6.3), shortened to two snapshots. */
export const THUMBNAIL_EVENT = {
	event_type: 'thumbnailComplete',
	thumbnail_info: {
		asset_id: '14d7b2faba0dddd6b4e8936272d6bc3f',
		status: 'SUCCEED',
		sample: [
			{ offset: 0, url: 'https://179.cdn-vod.huaweicloud.com/asset/14d7/snapshot/sample/0.jpg' },
			{ offset: 5, url: 'https://179.cdn-vod.huaweicloud.com/asset/14d7/snapshot/sample/5.jpg' },
		],
		dots: [],
	},
};
