/**
 * VOD's glue over test/support: runs the Alibaba Cloud VOD node through n8n-core's real
 * WorkflowExecute (`startSingleNode`) and its trigger behind the webhook server, with a credential
 * that points the real transport at a given endpoint (the emulator or a loopback stand-in).
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeParameters,
	IRun,
} from 'n8n-workflow';

import { AliyunApi } from '../../../credentials/AliyunApi.credentials';
import { AliyunVodCallbackApi } from '../../../credentials/AliyunVodCallbackApi.credentials';
import { AliyunVod } from '../../../nodes/AliyunVod/AliyunVod.node';
import { AliyunVodTrigger } from '../../../nodes/AliyunVod/AliyunVodTrigger.node';
import { ALIYUN_REGION, aliyunAccessKey, aliyunApiDataFor } from '../../emulator/accounts';
import type { Emulator } from '../../emulator/server';
import { startSingleNode } from '../../support/inProcessN8n';
import type { RunningWorkflow } from '../../support/inProcessN8n';
import { startWebhookTrigger } from '../../support/webhookTrigger';
import type { TriggerHarness } from '../../support/webhookTrigger';

export const VOD_NODE = 'VOD';

export type OnError = 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';

export interface VodRun {
	items?: IDataObject[];
	onError?: OnError;
	/** n8n's Retry On Fail node setting, with no wait between tries. */
	retryOnFail?: boolean;
	credentials?: ICredentialDataDecryptedObject;
}

/** The emulator's key in its region, with no endpoint override: for runs that must send nothing. */
const defaultCredentials: ICredentialDataDecryptedObject = {
	...aliyunAccessKey,
	regionId: ALIYUN_REGION,
};

export async function startVod(
	parameters: INodeParameters,
	run: VodRun = {},
): Promise<RunningWorkflow> {
	return await startSingleNode({
		nodeType: new AliyunVod(),
		name: VOD_NODE,
		parameters,
		inputItems: (run.items ?? [{}]).map((json) => ({ json })),
		settings: {
			onError: run.onError ?? 'stopWorkflow',
			...(run.retryOnFail ? { retryOnFail: true, waitBetweenTries: 0 } : {}),
		},
		credentialTypes: { aliyunApi: new AliyunApi() },
		credentials: { aliyunApi: run.credentials ?? defaultCredentials },
	});
}

export async function runVod(parameters: INodeParameters, run: VodRun = {}): Promise<IRun> {
	return await (
		await startVod(parameters, run)
	).result;
}

/** The node's error message, or undefined when it did not fail. */
export function vodErrorMessage(run: IRun): string | undefined {
	const error = run.data.resultData.runData[VOD_NODE]?.[0]?.error;
	return error?.message;
}

/** Run options whose credential sends VOD requests to `endpoint`, signed with the emulator's key. */
export function againstEndpoint(endpoint: string, run: VodRun = {}): VodRun {
	return { ...run, credentials: aliyunApiDataFor(endpoint) };
}

/** Run options whose credential points the node's real transport at the emulator. */
export function againstEmulator(emulator: Emulator, run: VodRun = {}): VodRun {
	return againstEndpoint(emulator.url, run);
}

/** The RPC actions the emulator received, in order. */
export function receivedActions(emulator: Emulator): string[] {
	return emulator.requests().map((request) => request.action ?? request.rawUrl);
}

/** The VOD trigger behind the n8n-like webhook server, with both its credential types. */
export async function startTriggerHarness(
	parameters: INodeParameters,
	credentials: Record<string, ICredentialDataDecryptedObject>,
): Promise<TriggerHarness> {
	return await startWebhookTrigger({
		nodeType: new AliyunVodTrigger(),
		typeName: 'n8n-nodes-video-snapshots.aliyunVodTrigger',
		parameters,
		credentialTypes: {
			aliyunApi: new AliyunApi(),
			aliyunVodCallbackApi: new AliyunVodCallbackApi(),
		},
		credentials,
	});
}
