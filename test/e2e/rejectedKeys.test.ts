/**
 * A refused request is sent once, never again (Huawei locks an access key for 5 minutes after 5
 * failed authentications), in the real n8n 2.41.1: wrong Aliyun secrets (V1, V3), a wrong Huawei
 * secret key, a wrong IAM password and an IAM token VOD refuses, through n8n's HTTP Request node
 * and through each credential's Test. test/e2e/olderN8n.test.ts runs the same cases in n8n 2.40.2.
 */
import { afterAll, beforeAll, describe } from 'vitest';

import { startEmulator, type Emulator } from '../emulator/server';
import {
	describeRejectedKeys,
	runRejectedKeys,
	type RejectedKeyRuns,
} from './fixtures/rejectedKeys';
import { N8nInstance } from './harness';

describe('refused credentials in n8n 2.41.1', () => {
	let emulator: Emulator;
	let n8n: N8nInstance;
	let runs: RejectedKeyRuns;

	beforeAll(async () => {
		emulator = await startEmulator();
		n8n = await N8nInstance.create({ label: 'rejected-keys' });
		runs = await runRejectedKeys(n8n, emulator, 'RejKeys241x');
	});

	afterAll(async () => {
		await n8n?.dispose();
		await emulator?.close();
	});

	describeRejectedKeys(() => runs);
});
