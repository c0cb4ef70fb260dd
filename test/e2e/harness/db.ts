/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
/**
 * Reads saved executions straight from the user folder's sqlite database, with Node 24 and n8n's own
 * sqlite3 and flatted modules. Used when `n8n execute` prints no IRun: an execution that fails before
 * the CLI asks for its result ("No active execution found", a race in n8n 2.41.1) is still saved.
 */
import path from 'node:path';

import type { N8nInstallation } from './install';
import { describeFailure, runCommand } from './process';
import { isCliRun, type CliRun } from './run';

/** Runs under Node 24 with cwd = the n8n install; argv: database, workflow ids (comma-separated), createdAfter (ISO). */
const READ_EXECUTIONS_SCRIPT = `
const sqlite3 = require(require.resolve('sqlite3', { paths: [process.cwd()] }));
const { parse } = require(require.resolve('flatted', { paths: [process.cwd()] }));
const [database, workflowIds, createdAfter] = process.argv.slice(1);
const ids = workflowIds.split(',');
const db = new sqlite3.Database(database, sqlite3.OPEN_READONLY);
db.all(
	'SELECT e.id, e.workflowId, e.status, e.mode, e.finished, e.startedAt, e.stoppedAt, e.createdAt, d.data ' +
		'FROM execution_entity e JOIN execution_data d ON d.executionId = e.id ' +
		'WHERE e.workflowId IN (' + ids.map(() => '?').join(',') + ') ORDER BY e.id',
	ids,
	(error, rows) => {
		if (error) { process.stderr.write(String(error)); process.exit(1); }
		const after = Date.parse(createdAfter);
		const runs = rows
			.filter((row) => Date.parse(String(row.createdAt).replace(' ', 'T') + 'Z') >= after)
			.map((row) => ({
				id: row.id,
				workflowId: row.workflowId,
				status: row.status,
				mode: row.mode,
				finished: Boolean(row.finished),
				startedAt: row.startedAt,
				stoppedAt: row.stoppedAt,
				data: parse(row.data),
			}));
		process.stdout.write(JSON.stringify(runs));
		db.close();
	},
);
`;

export interface StoredRun extends CliRun {
	id: number;
	workflowId: string;
}

/** Executions of the given workflows saved at or after `createdAfter`, oldest first. */
export async function readStoredRuns(
	installation: N8nInstallation,
	userFolder: string,
	workflowIds: string[],
	createdAfter: Date,
): Promise<StoredRun[]> {
	const result = await runCommand(
		installation.nodeBin,
		[
			'-e',
			READ_EXECUTIONS_SCRIPT,
			path.join(userFolder, '.n8n', 'database.sqlite'),
			workflowIds.join(','),
			createdAfter.toISOString(),
		],
		{
			cwd: installation.n8nDir,
			env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
			timeoutMs: 60_000,
		},
	);
	if (result.code !== 0) throw new Error(`reading executions failed\n${describeFailure(result)}`);
	const parsed: unknown = JSON.parse(result.stdout);
	if (!Array.isArray(parsed)) throw new Error('unexpected answer from the execution reader');
	return parsed.filter(
		(run): run is StoredRun =>
			isCliRun(run) && typeof (run as { workflowId?: unknown }).workflowId === 'string',
	);
}
