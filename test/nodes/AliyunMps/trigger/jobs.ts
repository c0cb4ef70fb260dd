import type { Emulator } from '../../../emulator/server';
import { submitMpsJob } from '../harness';

/**
 * An asynchronous MPS job writing `num` images to `snaps/<name>/0000n.jpg`; it finishes after the
 * emulator's job duration, and notifies the queue bound to `pipelineId` if one is given. Its id.
 */
export async function submitAsyncJob(
	emulator: Emulator,
	name: string,
	options: { num?: number; pipelineId?: string } = {},
): Promise<string> {
	return await submitMpsJob(
		emulator,
		{
			OutputFile: {
				Bucket: 'snaps',
				Location: 'oss-cn-shanghai',
				Object: `${name}%2F%7BCount%7D.jpg`,
			},
			Num: String(options.num ?? 2),
			Time: '0',
		},
		options.pipelineId,
	);
}
