/**
 * MPS's glue over test/support: runs the Alibaba Cloud MPS node through n8n-core's real
 * WorkflowExecute (`runSingleNode`), its credential pointing the transport and OSS at the emulator.
 */
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { AliyunApi } from '../../../credentials/AliyunApi.credentials';
import { AliyunMps } from '../../../nodes/AliyunMps/AliyunMps.node';
import { aliyunApiDataFor } from '../../emulator/accounts';
import { callRpc, MPS_VERSION } from '../../emulator/clients/aliyunRpc';
import type { Emulator } from '../../emulator/server';
import {
	runSingleNode,
	startSingleNode,
	type RunningWorkflow,
	type SingleNodeInput,
	type SingleNodeResult,
} from '../../support/inProcessN8n';

export interface MpsRun {
	items?: IDataObject[];
	continueOnFail?: boolean;
	credentials?: ICredentialDataDecryptedObject;
}

function mpsNodeInput(
	emulator: Emulator,
	parameters: INodeParameters,
	run: MpsRun,
): SingleNodeInput {
	return {
		nodeType: new AliyunMps(),
		parameters,
		inputItems: (run.items ?? [{}]).map((json) => ({ json })),
		settings: { onError: run.continueOnFail ? 'continueRegularOutput' : 'stopWorkflow' },
		credentialTypes: { aliyunApi: new AliyunApi() },
		credentials: { aliyunApi: run.credentials ?? aliyunApiDataFor(emulator.url) },
	};
}

export async function runMps(
	emulator: Emulator,
	parameters: INodeParameters,
	run: MpsRun = {},
): Promise<SingleNodeResult> {
	return await runSingleNode(mpsNodeInput(emulator, parameters, run));
}

/** Starts the node; `cancel()` stops it like the UI's stop button. */
export async function startMps(
	emulator: Emulator,
	parameters: INodeParameters,
	run: MpsRun = {},
): Promise<RunningWorkflow> {
	return await startSingleNode(mpsNodeInput(emulator, parameters, run));
}

/** The message of the error the node stopped with; '' when it did not fail. */
export function errorMessage(result: SingleNodeResult): string {
	const { error } = result;
	// n8n-core's copy of the error classes is not the one the test imports: read the field.
	return typeof error === 'object' && error !== null && 'message' in error
		? String(error.message)
		: '';
}

/** The query (V3: API parameters) of every recorded request of `action`, in order. */
export function sentParams(emulator: Emulator, action: string): Array<Record<string, string>> {
	return emulator
		.requests()
		.filter((request) => request.action === action)
		.map((request) => Object.fromEntries(new URL(request.rawUrl, emulator.url).searchParams));
}

/** Parameters of Snapshot Job → Submit with the input and output in the emulator's region. */
export function submitParameters(extra: INodeParameters = {}): INodeParameters {
	return {
		resource: 'snapshotJob',
		operation: 'submit',
		inputSource: 'fields',
		inputBucket: 'videos',
		inputLocation: 'oss-cn-shanghai',
		inputObject: 'in/clip 1.mp4',
		outputBucket: 'snaps',
		outputLocation: 'oss-cn-shanghai',
		outputObject: 'out/frame.jpg',
		...extra,
	};
}

/** A synchronous single-snapshot job, created and finished by one SubmitSnapshotJob; its id. */
export async function submitSyncJob(
	emulator: Emulator,
	index: number,
	pipelineId?: string,
): Promise<string> {
	const body = await callRpc<{ SnapshotJob: { Id: string } }>(
		emulator,
		'SubmitSnapshotJob',
		{
			Input: JSON.stringify({ Bucket: 'v', Location: 'oss-cn-shanghai', Object: 'a.mp4' }),
			SnapshotConfig: JSON.stringify({
				OutputFile: { Bucket: 'o', Location: 'oss-cn-shanghai', Object: `f${index}.jpg` },
				Time: '0',
			}),
			...(pipelineId ? { PipelineId: pipelineId } : {}),
		},
		{ version: MPS_VERSION },
	);
	return body.SnapshotJob.Id;
}
