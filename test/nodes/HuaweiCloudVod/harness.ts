/**
 * Huawei Cloud VOD's glue over test/support: runs the node through n8n-core's real
 * WorkflowExecute (`startSingleNode`) with a `huaweiCloudApi` credential that points the real
 * transport at a given endpoint (the emulator or a loopback stand-in).
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeParameters,
	IRun,
} from 'n8n-workflow';

import { HuaweiCloudApi } from '../../../credentials/HuaweiCloudApi.credentials';
import { HuaweiCloudVod } from '../../../nodes/HuaweiCloudVod/HuaweiCloudVod.node';
import {
	HUAWEI_REGION,
	huaweiAccessKey,
	huaweiIamUser,
	huaweiProjectId,
} from '../../emulator/accounts';
import { startSingleNode } from '../../support/inProcessN8n';
import type { RunningWorkflow } from '../../support/inProcessN8n';

export const HW_NODE = 'Huawei VOD';

export type OnError = 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';

export interface HuaweiRun {
	items?: IDataObject[];
	onError?: OnError;
	retryOnFail?: boolean;
	credentials?: ICredentialDataDecryptedObject;
}

/** AK/SK credential data whose VOD and IAM endpoints are `endpoint`. */
export function akSkCredentials(
	endpoint: string,
	key: { accessKeyId: string; secretAccessKey: string; securityToken?: string } = huaweiAccessKey,
): ICredentialDataDecryptedObject {
	return {
		authType: 'aksk',
		accessKeyId: key.accessKeyId,
		secretAccessKey: key.secretAccessKey,
		securityToken: key.securityToken ?? '',
		region: HUAWEI_REGION,
		projectId: huaweiProjectId,
		vodEndpoint: endpoint,
		iamEndpoint: endpoint,
	};
}

/** IAM password credential data (token mode); the project id is resolved when `projectId` is ''. */
export function passwordCredentials(
	endpoint: string,
	projectId: string = huaweiProjectId,
): ICredentialDataDecryptedObject {
	return {
		authType: 'password',
		...huaweiIamUser,
		region: HUAWEI_REGION,
		projectId,
		vodEndpoint: endpoint,
		iamEndpoint: endpoint,
	};
}

export async function startHuaweiVod(
	parameters: INodeParameters,
	run: HuaweiRun,
): Promise<RunningWorkflow> {
	return await startSingleNode({
		nodeType: new HuaweiCloudVod(),
		name: HW_NODE,
		parameters,
		inputItems: (run.items ?? [{}]).map((json) => ({ json })),
		settings: {
			onError: run.onError ?? 'stopWorkflow',
			...(run.retryOnFail ? { retryOnFail: true, waitBetweenTries: 0 } : {}),
		},
		credentialTypes: { huaweiCloudApi: new HuaweiCloudApi() },
		credentials: { huaweiCloudApi: run.credentials ?? akSkCredentials('http://127.0.0.1:9') },
	});
}

export async function runHuaweiVod(
	parameters: INodeParameters,
	run: HuaweiRun = {},
): Promise<IRun> {
	return await (
		await startHuaweiVod(parameters, run)
	).result;
}

/** Run options whose credential sends VOD requests to `endpoint`. */
export function against(endpoint: string, run: HuaweiRun = {}): HuaweiRun {
	return { ...run, credentials: run.credentials ?? akSkCredentials(endpoint) };
}

/** The node's error message, or undefined when it did not fail. */
export function hwErrorMessage(run: IRun): string | undefined {
	return run.data.resultData.runData[HW_NODE]?.[0]?.error?.message;
}
