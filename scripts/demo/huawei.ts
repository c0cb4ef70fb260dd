/**
 * The Huawei Cloud VOD part of `npm run demo`: examples/huawei-snapshot-pipeline.json (a Quantity snapshot
 * task with wait → download → write) and examples/huawei-snapshot-trigger.json, which the emulator's MFS
 * callback (signed with the callback key) starts once per finished task.
 */
import { randomUUID } from 'node:crypto';

import type { Emulator } from '../../test/emulator/server';
import { nodeJson, type CliRun, type RunningN8n } from '../../test/e2e/harness';
import {
	loadExample,
	prepareExample,
	productionWebhookUrl,
	waitForWebhook,
} from '../../test/demo/examples';
import {
	emulatorHuaweiCredential,
	emulatorMfsCallbackCredential,
	HUAWEI_OUTPUT_FOLDER,
	HUAWEI_PIPELINE_EXAMPLE,
	HUAWEI_PIPELINE_NODES,
	HUAWEI_TRIGGER_EXAMPLE,
	HUAWEI_TRIGGER_NODES,
	pointMfsCallbackAt,
} from '../../test/demo/huawei';
import {
	executionLine,
	executionProblems,
	finishedExecutions,
	imageLines,
	partOutputDir,
	pipelineProblems,
	type DemoPart,
	type DemoSetup,
} from './part';

const PIPELINE_ID = 'DemoHwPipeline01';
const TRIGGER_ID = 'DemoHwTrigger01';

function taskIdsOf(run: CliRun): string[] {
	return [
		...new Set(
			nodeJson(run, HUAWEI_PIPELINE_NODES.create).map((json) => String(json.thumbnail_task_id)),
		),
	];
}

function unfinished(emulator: Emulator, taskIds: string[]): string[] {
	const tasks = emulator.huawei.tasks();
	return taskIds
		.map((id) => tasks.find((task) => task.taskId === id))
		.filter((task) => task?.status !== 'SUCCEED')
		.map((task) => `Huawei snapshot task ${task?.taskId ?? '?'} is ${task?.status ?? 'unknown'}`);
}

export async function huaweiPart(setup: DemoSetup): Promise<DemoPart> {
	const { emulator } = setup;
	const outputDir = await partOutputDir(setup, 'huawei');
	const huawei = emulatorHuaweiCredential('DemoHuaweiCred01', emulator.url);
	const callbackKey = emulatorMfsCallbackCredential('DemoMfsKeyCred01');
	const trigger = prepareExample(loadExample(HUAWEI_TRIGGER_EXAMPLE), {
		id: TRIGGER_ID,
		credentials: [callbackKey],
		webhookId: randomUUID(),
	});
	return {
		cloud: 'Huawei Cloud VOD',
		credentials: [huawei, callbackKey],
		workflows: [
			prepareExample(loadExample(HUAWEI_PIPELINE_EXAMPLE), {
				id: PIPELINE_ID,
				credentials: [huawei],
				replaceText: [[HUAWEI_OUTPUT_FOLDER, `${outputDir}/`]],
			}),
			trigger,
		],
		published: [TRIGGER_ID],
		pipelineId: PIPELINE_ID,
		async connect(server: RunningN8n) {
			const url = productionWebhookUrl(server, trigger, HUAWEI_TRIGGER_NODES.trigger);
			await waitForWebhook(url);
			pointMfsCallbackAt(emulator, url);
		},
		async report(server, run) {
			const problems = pipelineProblems(run);
			if (!run) return { lines: [], problems };
			const tasks = taskIdsOf(run);
			problems.push(...unfinished(emulator, tasks));
			const executions = await finishedExecutions(server, TRIGGER_ID, tasks.length);
			const deliveries = emulator.huawei.deliveries();
			const answered = deliveries.filter((delivery) =>
				delivery.attempts.some((attempt) => attempt.status === 200),
			).length;
			return {
				lines: [
					`snapshot tasks: ${tasks.length} (Quantity, asset/process), ${problems.length === 0 ? 'all finished' : 'NOT all finished'}`,
					...(await imageLines(outputDir)),
					`callbacks answered 200: ${answered} of ${deliveries.length} (MFS, auth_sign checked)`,
					executionLine(executions),
				],
				problems: [...problems, ...executionProblems(executions, tasks.length)],
			};
		},
	};
}
