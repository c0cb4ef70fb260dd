/**
 * The Huawei Cloud VOD part of `npm run demo`: examples/huawei-snapshot-pipeline.json (a Quantity snapshot
 * task with wait → download → write) and examples/huawei-snapshot-trigger.json, which the emulator's MFS
 * callback (signed with the callback key) starts once per finished task.
 */
import type { Emulator } from '../../test/emulator/server';
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
	distinctValues,
	exampleWorkflows,
	executionLine,
	executionProblems,
	finishedExecutions,
	imageLines,
	partOutputDir,
	pipelineProblems,
	type DemoPart,
	type DemoSetup,
} from './part';

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
	const triggerId = 'DemoHwTrigger01';
	return {
		cloud: 'Huawei Cloud VOD',
		credentials: [huawei, callbackKey],
		...exampleWorkflows(
			{
				file: HUAWEI_PIPELINE_EXAMPLE,
				id: 'DemoHwPipeline01',
				credentials: [huawei],
				exampleFolder: HUAWEI_OUTPUT_FOLDER,
				outputDir,
				pollInterval: setup.pollInterval,
			},
			{
				file: HUAWEI_TRIGGER_EXAMPLE,
				id: triggerId,
				credentials: [callbackKey],
				nodeName: HUAWEI_TRIGGER_NODES.trigger,
				notify: (url) => pointMfsCallbackAt(emulator, url),
			},
		),
		async report(server, run) {
			const problems = pipelineProblems(run);
			if (!run) return { lines: [], problems };
			const tasks = distinctValues(run, HUAWEI_PIPELINE_NODES.create, 'thumbnail_task_id');
			problems.push(...unfinished(emulator, tasks));
			const executions = await finishedExecutions(server, triggerId, tasks.length);
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
