/**
 * The IRun n8n prints (`n8n execute`) or writes (`n8n execute-batch --snapshot`), as JSON: dates are
 * strings and errors are plain objects. Helpers read node outputs and errors from it.
 */
import type { ExecutionStatus, IDataObject, INodeExecutionData } from 'n8n-workflow';

/** An error as serialised in run data (NodeApiError, NodeOperationError, …). */
export interface RunError {
	message: string;
	description?: string | null;
	name?: string;
	httpCode?: string | null;
	node?: { name?: string; type?: string };
	[key: string]: unknown;
}

export interface CliTaskData {
	startTime: number;
	executionTime: number;
	executionStatus?: ExecutionStatus;
	data?: { main?: Array<INodeExecutionData[] | null> };
	error?: RunError;
}

export interface CliRun {
	status: ExecutionStatus;
	mode: string;
	finished?: boolean;
	startedAt: string;
	stoppedAt?: string;
	data: {
		resultData: {
			runData: Record<string, CliTaskData[]>;
			error?: RunError;
			lastNodeExecuted?: string;
		};
	};
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isCliRun(value: unknown): value is CliRun {
	if (!isObject(value) || typeof value.status !== 'string' || !isObject(value.data)) return false;
	const resultData = value.data.resultData;
	return isObject(resultData) && isObject(resultData.runData);
}

/**
 * The IRun among `n8n execute` stdout lines (N8N_LOG_FORMAT=json: each line is {level,message,metadata};
 * the IRun is the message that parses as JSON with data.resultData). On failure n8n logs it too.
 */
export function extractRun(stdout: string): CliRun | undefined {
	let run: CliRun | undefined;
	for (const line of stdout.split('\n')) {
		if (!line.startsWith('{')) continue;
		let record: unknown;
		try {
			record = JSON.parse(line);
		} catch {
			continue; // not a log record (partial line or plain text)
		}
		if (
			!isObject(record) ||
			typeof record.message !== 'string' ||
			!record.message.startsWith('{')
		) {
			continue;
		}
		try {
			const candidate: unknown = JSON.parse(record.message);
			if (isCliRun(candidate)) run = candidate;
		} catch {
			continue; // a log message that merely starts with "{"
		}
	}
	return run;
}

/** Log messages of a JSON-format n8n output, for error reports. */
export function logMessages(stdout: string): string[] {
	const messages: string[] = [];
	for (const line of stdout.split('\n')) {
		try {
			const record: unknown = JSON.parse(line);
			if (isObject(record) && typeof record.message === 'string') messages.push(record.message);
			else if (line.trim() !== '') messages.push(line);
		} catch {
			if (line.trim() !== '') messages.push(line);
		}
	}
	return messages;
}

/** The task data of one run of a node (the first by default); throws if the node did not run. */
export function nodeTask(run: CliRun, nodeName: string, runIndex = 0): CliTaskData {
	const tasks = run.data.resultData.runData[nodeName];
	const task = tasks?.[runIndex];
	if (!task) {
		const ran = Object.keys(run.data.resultData.runData).join(', ');
		const error = run.data.resultData.error?.message;
		throw new Error(
			`node "${nodeName}" did not run (ran: ${ran}; status ${run.status}${error ? `; error: ${error}` : ''})`,
		);
	}
	return task;
}

/** Items of a node's first output. */
export function nodeItems(run: CliRun, nodeName: string, runIndex = 0): INodeExecutionData[] {
	const task = nodeTask(run, nodeName, runIndex);
	if (task.error) throw new Error(`node "${nodeName}" failed: ${task.error.message}`);
	return task.data?.main?.[0] ?? [];
}

/** `json` of each item of a node's first output. */
export function nodeJson(run: CliRun, nodeName: string, runIndex = 0): IDataObject[] {
	return nodeItems(run, nodeName, runIndex).map((item) => item.json);
}

/** The error a node ended with: its task error, or the run error when that names the node. */
export function nodeError(run: CliRun, nodeName: string): RunError | undefined {
	const task = run.data.resultData.runData[nodeName]?.[0];
	if (task?.error) return task.error;
	const runError = run.data.resultData.error;
	if (
		runError &&
		(runError.node?.name === nodeName || run.data.resultData.lastNodeExecuted === nodeName)
	) {
		return runError;
	}
	return undefined;
}
