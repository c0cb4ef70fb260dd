/**
 * The Alibaba Cloud VOD part of `npm run demo`: examples/scheduled-snapshot-pipeline.json (search videos →
 * sprite and normal snapshot jobs with wait → download → write) and examples/snapshot-complete-trigger.json,
 * which VOD's HTTP callback (SetMessageCallback) starts once per finished job.
 */
import { nodeJson, type CredentialJson } from '../../test/e2e/harness';
import {
	emulatorAliyunCredential,
	emulatorCallbackCredential,
	EXAMPLE_OUTPUT_FOLDER,
	PIPELINE_EXAMPLE,
	PIPELINE_NODES,
	pointVodCallbackAt,
	TRIGGER_EXAMPLE,
	TRIGGER_NODES,
} from '../../test/demo/examples';
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

/** The part and its `aliyunApi` credential, which the MPS part uses too. */
export async function vodPart(
	setup: DemoSetup,
): Promise<{ part: DemoPart; aliyun: CredentialJson }> {
	const { emulator } = setup;
	const outputDir = await partOutputDir(setup, 'vod');
	const aliyun = emulatorAliyunCredential('DemoAliyunCred01', emulator.url);
	const callbackKey = emulatorCallbackCredential('DemoVodKeyCred01');
	const triggerId = 'DemoVodTrigger01';
	emulator.setCallbackRetryDelay(500);
	const part: DemoPart = {
		cloud: 'Alibaba Cloud VOD',
		credentials: [aliyun, callbackKey],
		...exampleWorkflows(
			{
				file: PIPELINE_EXAMPLE,
				id: 'DemoVodPipeline01',
				credentials: [aliyun],
				exampleFolder: EXAMPLE_OUTPUT_FOLDER,
				outputDir,
				pollInterval: setup.pollInterval,
			},
			{
				file: TRIGGER_EXAMPLE,
				id: triggerId,
				credentials: [callbackKey],
				nodeName: TRIGGER_NODES.trigger,
				notify: async (url) => await pointVodCallbackAt(emulator, url),
			},
		),
		async report(server, run) {
			const problems = pipelineProblems(run);
			if (!run) return { lines: [], problems };
			const videos = nodeJson(run, PIPELINE_NODES.search);
			const sprite = distinctValues(run, PIPELINE_NODES.sprite, 'JobId');
			const normal = distinctValues(run, PIPELINE_NODES.normal, 'JobId');
			const jobs = sprite.length + normal.length;
			problems.push(
				...[...sprite, ...normal]
					.filter((id) => emulator.vodJob(id)?.state !== 'Success')
					.map((id) => `VOD job ${id} is ${emulator.vodJob(id)?.state ?? 'unknown'}, not Success`),
			);
			const executions = await finishedExecutions(server, triggerId, jobs);
			const deliveries = emulator.callbackDeliveries();
			const answered = deliveries.filter((delivery) => delivery.status === 200).length;
			return {
				lines: [
					`videos found (Search Videos, Status = 'Normal'): ${videos.length}`,
					`snapshot jobs: ${jobs} (${sprite.length} sprite, ${normal.length} normal), ${problems.length === 0 ? 'all finished' : 'NOT all finished'}`,
					...(await imageLines(outputDir)),
					`callbacks answered 200: ${answered} of ${deliveries.length} (VOD HTTP callback)`,
					executionLine(executions),
				],
				problems: [...problems, ...executionProblems(executions, jobs)],
			};
		},
	};
	return { part, aliyun };
}
