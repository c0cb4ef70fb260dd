/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets */
/**
 * Issue 7 point 1: no error path lets a secret through. Every case carries distinctive secrets and
 * every text reachable from the resulting error, error item and run data is scanned for them.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IRun } from 'n8n-workflow';
import { afterEach, describe, expect, it } from 'vitest';

import { asNodeError, errorJson } from '../../../../nodes/shared/actions/itemErrors';
import { classifyError, toNodeApiError } from '../../../../nodes/shared/errors';
import type { ErrorProvider } from '../../../../nodes/shared/errors';
import { aliyunApiDataFor, aliyunStsKey, vodCallbackAuthKey } from '../../../emulator/accounts';
import { seedVideoIds } from '../../../emulator/aliyun/vod/videos';
import { emulatorPerFile } from '../../../emulator/lifecycle';
import type { Emulator } from '../../../emulator/server';
import { runVod, startTriggerHarness, VOD_NODE } from '../../AliyunVod/harness';
import type { TriggerHarness } from '../../../support/webhookTrigger';
import { n8nHttpError, node } from './httpErrors';

const STS_TOKEN = 'StsTokenDistinctQ7'; // with the emulator's, below
const AK_SECRET = 'AkSecretDistinctW4';
const AUTH_KEY = 'CallbackAuthKeyDistinctE2';
const HUAWEI_SK = 'HuaweiSkDistinctR9';
const IAM_TOKEN = 'IamTokenDistinctT5';
const SIGNATURE = 'SignatureDistinctY6';

/** Distinctive parts of every secret; percent-encoding leaves these letters as they are. */
const SECRETS = [
	STS_TOKEN,
	AK_SECRET,
	AUTH_KEY,
	HUAWEI_SK,
	IAM_TOKEN,
	SIGNATURE,
	'EmulatorSecurityToken', // aliyunStsKey.securityToken
	'EmulatorCallbackKey', // vodCallbackAuthKey
	'WrongSecretForMismatch',
];

/** Every string reachable from the value: own and non-enumerable Error fields, causes, toJSON. */
function allTexts(value: unknown, seen = new WeakSet<object>(), depth = 0): string[] {
	if (typeof value === 'string') return [value];
	if (typeof value !== 'object' || value === null || depth > 12) return [];
	if (seen.has(value)) return [];
	seen.add(value);
	const texts: string[] = [];
	if (value instanceof Error) {
		texts.push(value.message, value.stack ?? '', JSON.stringify(value));
		texts.push(...allTexts(value.cause, seen, depth + 1));
	}
	for (const key of Object.keys(value)) {
		texts.push(key, ...allTexts((value as Record<string, unknown>)[key], seen, depth + 1));
	}
	return texts;
}

function expectNoSecret(label: string, ...values: unknown[]): void {
	const text = values.flatMap((value) => allTexts(value)).join('\n');
	for (const secret of SECRETS) {
		expect(text, `${label} leaks ${secret}`).not.toContain(secret);
	}
}

/** The error, what n8n serializes of it, and the continue-on-fail item built from it. */
function expectErrorClean(label: string, error: NodeApiError | NodeOperationError): void {
	const item = errorJson(asNodeError(node, error, 0));
	expectNoSecret(
		label,
		error,
		error.toJSON?.(),
		JSON.stringify(error),
		error.description,
		error.context,
		error.errorResponse,
		error.messages,
		item,
	);
}

interface ProviderCase {
	name: string;
	provider: ErrorProvider;
	error: NodeApiError;
}

const encodedTwice = (text: string) => encodeURIComponent(encodeURIComponent(text));

/** An Aliyun 400 JSON answer with this code and message. */
function aliyunAnswer(code: string, message: string): NodeApiError {
	return n8nHttpError({ status: 400, data: { Code: code, RequestId: 'R', Message: message } });
}

const PROVIDER_CASES: ProviderCase[] = [
	{
		name: 'Aliyun V3 SignatureDoesNotMatch echoing the canonical request',
		provider: 'aliyun',
		error: aliyunAnswer(
			'SignatureDoesNotMatch',
			`Specified signature is not matched with our calculation. Server canonical request is:POST\n/\nAction=SetMessageCallback&AuthKey=${AUTH_KEY}\nhost:vod.cn-shanghai.aliyuncs.com\nx-acs-security-token:${STS_TOKEN}\n\nhost;x-acs-security-token\nabc. server string to sign is:ACS3-HMAC-SHA256\nabc`,
		),
	},
	{
		name: 'Aliyun V1 SignatureDoesNotMatch echoing the string to sign',
		provider: 'aliyun',
		error: n8nHttpError({
			status: 400,
			data: {
				Code: 'SignatureDoesNotMatch',
				RequestId: 'R',
				Message: `Specified signature is not matched with our calculation. server string to sign is:POST&%2F&AuthKey%3D${AUTH_KEY}%26SecurityToken%3D${encodedTwice(`${STS_TOKEN}+/=`)}`,
			},
		}),
	},
	{
		name: 'Aliyun XML body naming a header and a parameter',
		provider: 'aliyun',
		error: n8nHttpError({
			status: 400,
			data: `<?xml version="1.0"?><Error><Code>InvalidParameter</Code><Message>Header x-acs-security-token: ${STS_TOKEN} rejected; AccessKeySecret=${AK_SECRET}</Message><RequestId>R</RequestId></Error>`,
		}),
	},
	{
		name: 'Aliyun JSON body quoting parameters as JSON',
		provider: 'aliyun',
		error: aliyunAnswer(
			'InvalidParameter',
			`Invalid {"AuthKey":"${AUTH_KEY}","SecurityToken":"${STS_TOKEN}","Signature":"${SIGNATURE}"}`,
		),
	},
	{
		name: 'MNS SignatureDoesNotMatch echoing its string to sign',
		provider: 'mns',
		error: n8nHttpError({
			status: 403,
			data: `<?xml version="1.0"?><Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match. Server string to sign is:POST\n\n\nx-mns-security-token:${STS_TOKEN}\n/queues/q/messages</Message><RequestId>R</RequestId></Error>`,
		}),
	},
	{
		name: 'MNS message naming security-token and the Authorization header',
		provider: 'mns',
		error: n8nHttpError({
			status: 400,
			data: `<Error><Code>InvalidArgument</Code><Message>security-token=${STS_TOKEN}; Authorization: MNS STS.x:${SIGNATURE}</Message></Error>`,
		}),
	},
	{
		name: 'Huawei APIG error naming X-Auth-Token',
		provider: 'huawei',
		error: n8nHttpError({
			status: 401,
			data: {
				error_code: 'APIGW.0301',
				error_msg: `Incorrect IAM authentication information: X-Auth-Token: ${IAM_TOKEN}`,
				request_id: 'R',
			},
		}),
	},
	{
		name: 'Huawei nested error echoing a canonical request',
		provider: 'huawei',
		error: n8nHttpError({
			status: 401,
			data: {
				error: {
					code: 'APIG.0301',
					message: `verify aksk signature fail, CanonicalRequest: GET\n/v1/p/asset\nx-security-token:${STS_TOKEN}\nStringToSign: SDK-HMAC-SHA256 ${HUAWEI_SK}`,
				},
			},
		}),
	},
	{
		name: 'Huawei error naming the secret key and the security token',
		provider: 'huawei',
		error: n8nHttpError({
			status: 400,
			data: {
				error_code: 'VOD.10001',
				error_msg: `SecretAccessKey=${HUAWEI_SK}&X-Security-Token=${STS_TOKEN}`,
			},
		}),
	},
	{
		name: 'a reset whose message carries the URL and its query',
		provider: 'aliyun',
		error: n8nHttpError(undefined, {
			code: 'ECONNRESET',
			message: `socket hang up POST https://vod.cn-shanghai.aliyuncs.com/?AuthKey=${AUTH_KEY}&SecurityToken=${STS_TOKEN}&Signature=${SIGNATURE}`,
		}),
	},
	{
		name: 'a timeout whose message carries the URL percent-encoded',
		provider: 'huawei',
		error: n8nHttpError(undefined, {
			code: 'ETIMEDOUT',
			message: `timeout of 60000ms exceeded for https://x/?q=x-acs-security-token%3D${STS_TOKEN}%26AccessKeySecret%3D${AK_SECRET}%26X-Auth-Token%253D${IAM_TOKEN}`,
		}),
	},
];

describe('error texts never carry a secret (issue 7, point 1)', () => {
	it.each(PROVIDER_CASES)('$name', ({ provider, error: original }) => {
		const classified = classifyError(provider, original);
		const error = toNodeApiError(node, classified, original, 0, 'SetMessageCallback', 'check');
		expectErrorClean('toNodeApiError', error);
		expect(error.message).not.toBe('');
	});

	it.each([
		[
			'a download that failed on an OSS URL signed with an STS token',
			`GET https://bucket.oss-cn-shanghai.aliyuncs.com/s/1.jpg?OSSAccessKeyId=STS.x&Expires=1&Signature=${SIGNATURE}&security-token=${STS_TOKEN} failed: socket hang up`,
		],
		[
			'a request error quoting headers',
			`Request failed: {"x-oss-security-token":"${STS_TOKEN}","Authorization":"OSS STS.x:${SIGNATURE}"}`,
		],
	])('%s, as an item error or a thrown error', (_name, message) => {
		const raw = Object.assign(new Error(message), {
			config: { headers: { 'x-oss-security-token': STS_TOKEN } },
		});
		expectErrorClean('wrapped raw error', asNodeError(node, raw, 0));
		const described = new NodeOperationError(node, raw, {
			message: 'Could not download snapshot 1.jpg',
			description: message,
		});
		expectErrorClean('download error', asNodeError(node, described, 0));
	});
});

let emulator: Emulator;
let harness: TriggerHarness | undefined;

emulatorPerFile((started) => (emulator = started));

afterEach(async () => {
	await harness?.close();
	harness = undefined;
});

const GET_VIDEO = { resource: 'video', operation: 'get', videoId: seedVideoIds.normal };

function runErrors(run: IRun): unknown[] {
	const taskData = run.data.resultData.runData[VOD_NODE]?.[0];
	return [taskData?.error, taskData?.data, run.data.resultData.error, JSON.stringify(run.data)];
}

describe('against the emulator: the real gateway echoes (issue 7, point 1)', () => {
	const wrongSecret = { ...aliyunStsKey, accessKeySecret: 'WrongSecretForMismatch' };

	it.each(['v3', 'v1'] as const)(
		'signature %s + STS credential + SignatureDoesNotMatch: error, item and run data are clean',
		async (version) => {
			for (const onError of ['stopWorkflow', 'continueRegularOutput'] as const) {
				const run = await runVod(GET_VIDEO, {
					onError,
					credentials: aliyunApiDataFor(emulator.url, version, wrongSecret),
				});
				const received = emulator.requests().at(-1);
				expect(received?.outcome.code).toBe('SignatureDoesNotMatch');
				expect(JSON.stringify(run.data)).toContain('SignatureDoesNotMatch');
				expectNoSecret(`${version} ${onError}`, ...runErrors(run));
			}
		},
	);

	it('a gateway echoing the whole request (headers, query) on a valid STS V3 call', async () => {
		emulator.injectFault({ kind: 'echoRequest', match: { action: 'GetVideoInfo' } });
		const run = await runVod(GET_VIDEO, {
			onError: 'continueRegularOutput',
			credentials: aliyunApiDataFor(emulator.url, 'v3', aliyunStsKey),
		});
		expect(JSON.stringify(run.data)).toContain('SignatureDoesNotMatch');
		expectNoSecret('echoRequest', ...runErrors(run));
	});

	it.each(['v3', 'v1'] as const)(
		'a failed SetMessageCallback (%s) echoing the callback AuthKey',
		async (version) => {
			emulator.injectFault({ kind: 'echoRequest', match: { action: 'SetMessageCallback' } });
			harness = await startTriggerHarness(
				{ events: ['SnapshotComplete'], registerCallback: true },
				{
					aliyunVodCallbackApi: { authKey: vodCallbackAuthKey, previousAuthKey: '' },
					aliyunApi: aliyunApiDataFor(emulator.url, version, aliyunStsKey),
				},
			);
			const failure = await harness.activate().then(
				() => undefined,
				(error: unknown) => error,
			);
			const sent = emulator.requests().find((entry) => entry.action === 'SetMessageCallback');
			expect(sent).toBeDefined();
			expect(failure).toBeInstanceOf(Error);
			expect(String((failure as Error).message)).toContain('SignatureDoesNotMatch');
			expectNoSecret(`SetMessageCallback ${version}`, failure, harness.lastNodeStaticData());
		},
	);
});
