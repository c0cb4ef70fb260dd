/**
 * The Alibaba Cloud MPS part of `npm run demo`: examples/mps-snapshot-pipeline.json (a sprite-sheet job and
 * a normal job, each with wait → download → write), its images read from the emulator's OSS.
 */
import type { Emulator } from '../../test/emulator/server';
import type { CredentialJson } from '../../test/e2e/harness';
import { MPS_OUTPUT_FOLDER, MPS_PIPELINE_EXAMPLE, MPS_PIPELINE_NODES } from '../../test/demo/mps';
import {
	distinctValues,
	exampleWorkflows,
	imageLines,
	partOutputDir,
	pipelineProblems,
	type DemoPart,
	type DemoSetup,
} from './part';

function unfinished(emulator: Emulator, jobIds: string[]): string[] {
	return jobIds
		.filter((id) => emulator.mpsJob(id)?.state !== 'Success')
		.map((id) => `MPS job ${id} is ${emulator.mpsJob(id)?.state ?? 'unknown'}, not Success`);
}

/** `aliyun` is the VOD part's `aliyunApi` credential: one credential serves both Alibaba Cloud services. */
export async function mpsPart(setup: DemoSetup, aliyun: CredentialJson): Promise<DemoPart> {
	const { emulator } = setup;
	const outputDir = await partOutputDir(setup, 'mps');
	return {
		cloud: 'Alibaba Cloud MPS',
		credentials: [],
		...exampleWorkflows({
			file: MPS_PIPELINE_EXAMPLE,
			id: 'DemoMpsPipeline01',
			credentials: [aliyun],
			exampleFolder: MPS_OUTPUT_FOLDER,
			outputDir,
			pollInterval: setup.pollInterval,
		}),
		async report(_server, run) {
			const problems = pipelineProblems(run);
			if (!run) return { lines: [], problems };
			const sprite = distinctValues(run, MPS_PIPELINE_NODES.sprite, 'JobId');
			const normal = distinctValues(run, MPS_PIPELINE_NODES.normal, 'JobId');
			const jobs = [...sprite, ...normal];
			problems.push(...unfinished(emulator, jobs));
			return {
				lines: [
					`snapshot jobs: ${jobs.length} (${sprite.length} sprite, ${normal.length} normal), ${problems.length === 0 ? 'all finished' : 'NOT all finished'}`,
					...(await imageLines(outputDir)),
				],
				problems,
			};
		},
	};
}
