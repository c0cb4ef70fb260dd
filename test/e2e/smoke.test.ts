/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * Proves the harness: a real n8n 2.41.1 runs a workflow headless, loads this package from
 * `.n8n/nodes/node_modules`, and serves it (types and REST) from `n8n start`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
	manualWorkflow,
	N8nInstance,
	nodeError,
	nodeJson,
	noOpNode,
	packageNodeType,
	webhookWorkflow,
	type WorkflowJson,
} from './harness';

const plainWorkflow: WorkflowJson = manualWorkflow('E2eSmokeNoOp0001', 'e2e smoke: no-op', [
	{
		name: 'Set',
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		parameters: {
			mode: 'manual',
			assignments: {
				assignments: [
					{ id: 'a1', name: 'greeting', value: '={{ "hello " + (1 + 1) }}', type: 'string' },
				],
			},
			options: {},
		},
	},
	noOpNode('Done'),
]);

/** Our node without parameters or credential: n8n must know the type and fail on its issues instead. */
const packageNodeWorkflow: WorkflowJson = manualWorkflow(
	'E2eSmokePkgNode0001',
	'e2e smoke: package node',
	[
		{
			name: 'VOD',
			type: packageNodeType('aliyunVod'),
			typeVersion: 1,
			parameters: {},
		},
	],
);

/** Published before `n8n start`: answers POST /webhook/e2e-smoke-hook with the Set node's item. */
const webhookFlow: WorkflowJson = webhookWorkflow(
	'E2eSmokeHook0001',
	'e2e smoke: webhook',
	{ path: 'e2e-smoke-hook' },
	[
		{
			name: 'Reply',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			parameters: {
				mode: 'manual',
				assignments: {
					assignments: [{ id: 'r1', name: 'echo', value: '={{ $json.body.who }}', type: 'string' }],
				},
				options: {},
			},
		},
	],
);

/** How often an `n8n execute` that crashed on its way out is run again. */
const EXIT_CRASH_RETRIES = 2;

describe('e2e harness smoke test', () => {
	let n8n: N8nInstance;

	beforeAll(async () => {
		n8n = await N8nInstance.create({ label: 'smoke' });
		await n8n.importWorkflows([plainWorkflow, packageNodeWorkflow, webhookFlow]);
	});

	afterAll(async () => {
		await n8n?.dispose();
	});

	it('runs a Manual Trigger workflow with n8n execute and returns its IRun', async () => {
		// Seen in about one full e2e run in three, under load, on this file's first execute only: the
		// process printed its successful run and then died of SIGSEGV on its way out (twice in a row
		// once). The workflow is a plain Manual Trigger one, none of our nodes; n8n 2.41.1 evaluates
		// expressions in isolated-vm, a native module. Logged, and tried again (no side effects).
		let result = await n8n.executeWorkflow(plainWorkflow.id);
		for (let retry = 1; retry <= EXIT_CRASH_RETRIES && result.signal === 'SIGSEGV'; retry++) {
			process.stderr.write(
				`[e2e] n8n execute died of SIGSEGV after printing its run; try ${retry + 1}\n${result.stderrTail}\n`,
			);
			result = await n8n.executeWorkflow(plainWorkflow.id);
		}
		const { run, exitCode } = result;
		expect(exitCode).toBe(0);
		expect(run.status).toBe('success');
		expect(nodeJson(run, 'Done')).toEqual([{ greeting: 'hello 2' }]);
	});

	it('knows the package node type (fails on its parameters, not on the type)', async () => {
		const { run, exitCode } = await n8n.executeWorkflow(packageNodeWorkflow.id);
		expect(exitCode).toBe(1);
		expect(run.status).toBe('error');
		const error = nodeError(run, 'VOD') ?? run.data.resultData.error;
		expect(error?.message ?? '').not.toMatch(/Unrecognized node type/i);
		// n8n validated the node against its description: it knows the type.
		expect(error?.message ?? '').toMatch(/'VOD' node has issues|credential/i);
	});

	it('runs several workflows in one execute-batch process', async () => {
		const batch = await n8n.executeBatch([plainWorkflow.id, packageNodeWorkflow.id]);
		expect(batch.entries.get(plainWorkflow.id)?.status).toBe('success');
		const plainRun = batch.entries.get(plainWorkflow.id)?.run;
		expect(plainRun && nodeJson(plainRun, 'Done')).toEqual([{ greeting: 'hello 2' }]);
		expect(batch.entries.get(packageNodeWorkflow.id)?.status).not.toBe('success');
		// n8n's own summary only says "No active execution found" (its race); the saved run has the error.
		const failedRun = batch.entries.get(packageNodeWorkflow.id)?.run;
		expect(failedRun?.status).toBe('error');
		expect(failedRun?.data.resultData.error?.message ?? '').toMatch(
			/'VOD' node has issues|credential/i,
		);
	});

	it('serves a published webhook and the package node type from n8n start', async () => {
		await n8n.publishWorkflow(webhookFlow.id);
		const server = await n8n.start();
		try {
			const hook = await server.callWebhook('e2e-smoke-hook', { body: { who: 'vitest' } });
			expect(hook.status).toBe(200);
			expect(await hook.json()).toEqual({ echo: 'vitest' });

			await server.ensureOwnerSession();
			const [description] = await server.nodeTypeDescriptions([
				{ name: packageNodeType('aliyunVod'), version: 1 },
			]);
			// n8n answers with the description as the package declares it (name without the package prefix).
			expect(description?.name).toMatch(/(^|\.)aliyunVod$/);
			expect(description?.credentials?.map((cred) => cred.name)).toContain('aliyunApi');
		} finally {
			await server.stop();
		}
	});
});
