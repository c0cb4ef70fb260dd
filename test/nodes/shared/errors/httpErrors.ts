/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets */
import { NodeApiError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import { classifyError } from '../../../../nodes/shared/errors';
import type { ErrorProvider } from '../../../../nodes/shared/errors';

/** Errors shaped as n8n-core throws them, with secrets the redaction must keep out. */
export const node: INode = {
	id: 'n1',
	name: 'Alibaba Cloud VOD',
	type: 'n8n-nodes-video-snapshots.aliyunVod',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

export const SECRET = 'SecretKeyValue-9f8e7d6c5b4a';
export const AUTHORIZATION =
	'ACS3-HMAC-SHA256 Credential=LTAIexample,SignedHeaders=host;x-acs-date,Signature=0123456789abcdefSIGNATUREHEADER';
export const QUERY_SIGNATURE = 'QUERYSIGNATUREvalue%2Bxyz%3D';

export interface FakeResponse {
	status: number;
	headers?: Record<string, string>;
	data?: unknown;
}

/** Shaped like what n8n-core throws: NodeApiError(node, AxiosError) with the request config attached. */
export function n8nHttpError(
	response: FakeResponse | undefined,
	options: { code?: string; message?: string } = {},
) {
	const config = {
		url: `https://vod.cn-shanghai.aliyuncs.com/?Action=GetVideoInfo&AccessKeyId=LTAIexample&Signature=${QUERY_SIGNATURE}`,
		headers: { Authorization: AUTHORIZATION, 'x-acs-security-token': SECRET },
		auth: { username: 'LTAIexample', password: SECRET },
	};
	const axiosError = Object.assign(
		new Error(
			options.message ??
				(response ? `Request failed with status code ${response.status}` : 'network'),
		),
		{
			name: 'AxiosError',
			isAxiosError: true,
			code: options.code ?? (response ? 'ERR_BAD_REQUEST' : undefined),
			config,
			request: {
				_header: `POST /?Signature=${QUERY_SIGNATURE} HTTP/1.1\r\nAuthorization: ${AUTHORIZATION}`,
			},
			response: response && {
				status: response.status,
				statusText: 'Error',
				headers: response.headers ?? {},
				data: response.data,
				config,
			},
		},
	);
	// n8n-core passes the AxiosError itself, which the JsonObject parameter type does not describe.
	const wrapped: NodeApiError = Reflect.construct(NodeApiError, [node, axiosError]);
	return wrapped;
}

export function classify(provider: ErrorProvider, response: FakeResponse) {
	return classifyError(provider, n8nHttpError(response));
}
