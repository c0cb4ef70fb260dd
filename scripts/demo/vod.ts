/**
 * The Alibaba Cloud VOD part of `npm run demo`: examples/scheduled-snapshot-pipeline.json (search videos →
 * sprite and normal snapshot jobs with wait → download → write) and examples/snapshot-complete-trigger.json,
 * which VOD's HTTP callback (SetMessageCallback) starts once per finished job.
 */
import { randomUUID } from 'node:crypto';

import { nodeJson, type CliRun, type RunningN8n } from '../../test/e2e/harness';
import {
	emulatorAliyunCredential,
	emulatorCallbackCredential,
	EXAMPLE_OUTPUT_FOLDER,
	loadExample,
	PIPELINE_EXAMPLE,
	PIPELINE_NODES,
	pointVodCallbackAt,
	prepareExample,
	productionWebhookUrl,
	TRIGGER_EXAMPLE,
	TRIGGER_NODES,
	waitForWebhook,
} from '../../test/demo/examples';
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

const PIPELINE_ID = 'DemoVodPipeline01';
const TRIGGER_ID = 'DemoVodTrigger01';

function jobIdsOf(run: CliRun, nodeName: string): string[] {
	return [...new Set(nodeJson(run, nodeName).map((json) => String(json.JobId)))];
}

export async function vodPart(setup: DemoSetup): Promise<DemoPart> {
	const { emulator } = setup;
	const outputDir = await partOutputDir(setup, 'vod');
	const aliyun = emulatorAliyunCredential('DemoAliyunCred01', emulator.url);
	const callbackKey = emulatorCallbackCredential('DemoVodKeyCred01');
	const trigger = prepareExample(loadExample(TRIGGER_EXAMPLE), {
		id: TRIGGER_ID,
		credentials: [callbackKey],
		webhookId: randomUUID(),
	});
	emulator.setCallbackRetryDelay(500);
	return {
		cloud: 'Alibaba Cloud VOD',
		credentials: [aliyun, callbackKey],
		workflows: [
			prepareExample(loadExample(PIPELINE_EXAMPLE), {
				id: PIPELINE_ID,
				credentials: [aliyun],
				replaceText: [[EXAMPLE_OUTPUT_FOLDER, `${outputDir}/`]],
			}),
			trigger,
		],
		published: [TRIGGER_ID],
		pipelineId: PIPELINE_ID,
		async connect(server: RunningN8n) {
			const url = productionWebhookUrl(server, trigger, TRIGGER_NODES.trigger);
			await waitForWebhook(url);
			await pointVodCallbackAt(emulator, url);
		},
		async report(server, run) {
			const problems = pipelineProblems(run);
			if (!run) return { lines: [], problems };
			const videos = nodeJson(run, PIPELINE_NODES.search);
			const sprite = jobIdsOf(run, PIPELINE_NODES.sprite);
			const normal = jobIdsOf(run, PIPELINE_NODES.normal);
			const jobs = sprite.length + normal.length;
			problems.push(
				...[...sprite, ...normal]
					.filter((id) => emulator.vodJob(id)?.state !== 'Success')
					.map((id) => `VOD job ${id} is ${emulator.vodJob(id)?.state ?? 'unknown'}, not Success`),
			);
			const executions = await finishedExecutions(server, TRIGGER_ID, jobs);
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
}
