import type { INode, NodeApiError } from 'n8n-workflow';

import { isRecord } from '../../../credentials/common/json';
import { classifyError, providerErrors, toNodeApiError } from '../errors';
import type { ErrorProvider } from '../errors';

/**
 * A field an answer must carry, as a dotted path: `SnapshotJob.JobId` must be present (not null or
 * ''); a segment ending in `?` may be absent, which satisfies the rule (`MediaSnapshot?.Total`: no
 * MediaSnapshot is an empty answer, one without Total is broken); a last segment ending in `[]`
 * must be an array (`MediaList[]?`: absent, or an array).
 */
export type RequiredField = string;

/** What a JSON answer is checked against, and how the failure is reported. */
export interface ResponseCheck {
	provider: ErrorProvider;
	action: string;
	required?: readonly RequiredField[];
	itemIndex?: number;
	/** Non-idempotent calls: how to check whether the call took effect before running it again. */
	ifOutcomeUnknown?: string;
}

/** The top-level field that makes a 2xx body the provider's error answer. */
const ERROR_CODE_FIELD: Record<ErrorProvider, string> = {
	aliyun: 'Code',
	mns: 'Code',
	oss: 'Code',
	huawei: 'error_code',
};

interface Segment {
	name: string;
	optional: boolean;
	array: boolean;
}

function parseSegment(text: string): Segment {
	const optional = text.endsWith('?');
	const withoutOptional = optional ? text.slice(0, -1) : text;
	const array = withoutOptional.endsWith('[]');
	return { name: array ? withoutOptional.slice(0, -2) : withoutOptional, optional, array };
}

function isPresent(value: unknown): boolean {
	return value !== undefined && value !== null && value !== '';
}

/** Whether the body breaks the rule; an absent optional segment ends the walk as satisfied. */
function breaksRule(body: Record<string, unknown>, rule: RequiredField): boolean {
	let current: unknown = body;
	for (const segment of rule.split('.').map(parseSegment)) {
		const value = isRecord(current) ? current[segment.name] : undefined;
		if (!isPresent(value)) return !segment.optional;
		if (segment.array && !Array.isArray(value)) return true;
		current = value;
	}
	return false;
}

/** The rules the body breaks, as written (for the error message). */
function missingFields(
	body: Record<string, unknown>,
	required: readonly RequiredField[],
): RequiredField[] {
	return required.filter((rule) => breaksRule(body, rule));
}

/** A 2xx answer the call cannot use: reported as the provider's `MalformedResponse`, never retried. */
export function malformedResponseError(
	node: INode,
	check: ResponseCheck,
	what: string,
	facts: { httpStatus?: number; requestId?: string } = {},
): NodeApiError {
	return toNodeApiError(
		node,
		{
			provider: check.provider,
			kind: 'server',
			code: 'MalformedResponse',
			message: `${providerErrors(check.provider).cloudName} answered ${check.action} with ${what}`,
			httpStatus: facts.httpStatus,
			requestId: facts.requestId,
		},
		undefined,
		check.itemIndex,
		check.action,
		check.ifOutcomeUnknown,
	);
}

/**
 * The body of a 2xx JSON answer, once it is an object, not the provider's error answer (which is
 * thrown as that error) and carries every required field.
 */
export function checkedResponse(
	node: INode,
	body: unknown,
	check: ResponseCheck,
): Record<string, unknown> {
	if (!isRecord(body)) {
		throw malformedResponseError(node, check, 'a body that is not a JSON object (truncated?)', {
			httpStatus: 200,
		});
	}
	if (isPresent(body[ERROR_CODE_FIELD[check.provider]])) {
		const answer = { response: { status: 200, headers: {}, data: body } };
		throw toNodeApiError(
			node,
			classifyError(check.provider, answer),
			undefined,
			check.itemIndex,
			check.action,
			check.ifOutcomeUnknown,
		);
	}
	const missing = missingFields(body, check.required ?? []);
	if (missing.length > 0) {
		const requestId = body.RequestId ?? body.request_id;
		throw malformedResponseError(node, check, `HTTP 200 but without ${missing.join(', ')}`, {
			httpStatus: 200,
			requestId: typeof requestId === 'string' ? requestId : undefined,
		});
	}
	return body;
}
