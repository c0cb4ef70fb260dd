/**
 * A node type whose execute is a function the test gives: for code that needs a real n8n execute
 * context (transports, the item router, downloads) without a node class written per test.
 */
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
	INodeType,
	NodeParameterValueType,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { runSingleNode } from './inProcessN8n';
import type { SingleNodeInput, SingleNodeResult } from './inProcessN8n';

/** What the node does with its execute context; returns the items of output 0. */
export type NodeBody = (
	this: IExecuteFunctions,
) => Promise<INodeExecutionData[] | INodeExecutionData[][]>;

/** Everything `runSingleNode` takes but the node type, whose parameters and credentials it declares. */
export type CallerRun = Omit<SingleNodeInput, 'nodeType' | 'parameters'> & {
	parameters?: INodeParameters;
};

/** The property type and empty default a parameter value is declared with. */
function declaration(value: NodeParameterValueType): Pick<INodeProperties, 'type' | 'default'> {
	if (typeof value === 'number') return { type: 'number', default: 0 };
	if (typeof value === 'boolean') return { type: 'boolean', default: false };
	return typeof value === 'string'
		? { type: 'string', default: '' }
		: { type: 'json', default: '' };
}

/** n8n keeps only the parameters a node declares, so each one given is declared. */
function declared(parameters: INodeParameters): INodeProperties[] {
	return Object.entries(parameters).map(([name, value]) => ({
		displayName: name,
		name,
		...declaration(value),
	}));
}

function isOutputs(
	output: INodeExecutionData[] | INodeExecutionData[][],
): output is INodeExecutionData[][] {
	return Array.isArray(output[0]);
}

/** A node type that runs `body`, declaring the given parameters and credential types. */
function callerNode(
	body: NodeBody,
	{
		parameters = {},
		credentials = [],
	}: { parameters?: INodeParameters; credentials?: string[] } = {},
): INodeType {
	return {
		description: {
			displayName: 'Caller',
			name: 'caller',
			group: ['transform'],
			version: 1,
			description: 'Runs the function the test gives',
			defaults: { name: 'Caller' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: credentials.map((name) => ({ name, required: true })),
			properties: declared(parameters),
		},
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const output = await body.call(this);
			return isOutputs(output) ? output : [output];
		},
	};
}

/** Runs `body` as one node through n8n's real WorkflowExecute (`runSingleNode`). */
export async function runCaller(body: NodeBody, run: CallerRun = {}): Promise<SingleNodeResult> {
	const parameters = run.parameters ?? {};
	const credentials = Object.keys(run.credentialTypes ?? {});
	const nodeType = callerNode(body, { parameters, credentials });
	return await runSingleNode({ ...run, parameters, nodeType });
}
