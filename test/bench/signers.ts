/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-hardcoded-secrets -- the benchmark drives the official SDKs with made-up keys */
/**
 * Signing throughput beside the official SDKs' signers, measured in the same run on the same request:
 * ACS3 against `@alicloud/openapi-util` (what `@alicloud/openapi-core` signs V3 with), RPC V1 against
 * openapi-util's `getRPCSignature` (pop-core inlines the same steps in its `request` and has no signer
 * of its own to call), Huawei SDK-HMAC against `@huaweicloud/huaweicloud-sdk-core`'s `AKSKSigner`.
 *
 * Each side does what its client does per request: the SDK side builds its parameter or header object,
 * hashes the payload and signs; ours runs the full signer the credential calls. Both sides first sign
 * the same request and must produce the same signature, so the two loops do the same job. Rounds
 * alternate between the sides, so a busy machine slows both; the ratio printed is the median of the
 * rounds' ratios (ours / SDK, above 1 is faster).
 */
import OpenApiUtil from '@alicloud/openapi-util';
import { BasicCredentials } from '@huaweicloud/huaweicloud-sdk-core';
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner';

import { signAcs3 } from '../../credentials/signing/aliyunAcs3';
import { signRpcV1 } from '../../credentials/signing/aliyunRpcV1';
import { signHuaweiRequest } from '../../credentials/signing/huaweiSdkHmac';

/** Many short alternating rounds: a neighbour's burst of CPU lands on both sides alike. */
const ROUNDS = 31;
const ROUND_MS = 40;
const BATCH = 50;

const ACCESS_KEY_ID = 'LTAI5tBenchmarkKey0001';
const ACCESS_KEY_SECRET = 'BenchmarkAccessKeySecret0001';
const TIMESTAMP = '2024-01-02T03:04:05Z';
const ACTION = 'SubmitSnapshotJob';
const VERSION = '2017-03-21';
const EMPTY_PAYLOAD_SHA256 = OpenApiUtil.hexEncode(
	OpenApiUtil.hash(Buffer.from(''), 'ACS3-HMAC-SHA256'),
);

/** A Submit with the parameters a sprite snapshot job sends, as the node puts them in the query. */
const SUBMIT_PARAMS: Record<string, string> = {
	VideoId: 'be7c4000000000000000000000000001',
	Count: '50',
	Interval: '0',
	SpecifiedOffsetTime: '1500',
	Width: '1280',
	Height: '720',
	SpriteSnapshotConfig: JSON.stringify({ CellWidth: 120, CellHeight: 68, Columns: 10, Lines: 5 }),
	UserData: JSON.stringify({ Extend: { batch: 'nightly run (2024)', tag: "o'clock*" } }),
};

interface Contender {
	name: string;
	ours: (nonce: string) => string;
	sdk: (nonce: string) => string;
}

function acs3Contender(): Contender {
	const host = 'vod.cn-shanghai.aliyuncs.com';
	return {
		name: 'ACS3-HMAC-SHA256 (Alibaba Cloud V3) vs @alicloud/openapi-util getAuthorization',
		ours: (nonce) =>
			signAcs3({
				method: 'POST',
				path: '/',
				query: Object.entries(SUBMIT_PARAMS),
				body: '',
				host,
				action: ACTION,
				version: VERSION,
				timestamp: TIMESTAMP,
				nonce,
				accessKeyId: ACCESS_KEY_ID,
				accessKeySecret: ACCESS_KEY_SECRET,
			}).authorization,
		sdk: (nonce) => {
			// openapi-core hashes the body on every request; here the SDK gets it for free, the
			// strictest baseline. Then the x-acs-* headers and getAuthorization, as openapi-core does.
			const request = {
				method: 'POST',
				pathname: '/',
				query: { ...SUBMIT_PARAMS },
				headers: {
					host,
					'x-acs-action': ACTION,
					'x-acs-version': VERSION,
					'x-acs-date': TIMESTAMP,
					'x-acs-signature-nonce': nonce,
					'x-acs-content-sha256': EMPTY_PAYLOAD_SHA256,
				},
			};
			return OpenApiUtil.getAuthorization(
				request as unknown as Parameters<typeof OpenApiUtil.getAuthorization>[0],
				'ACS3-HMAC-SHA256',
				EMPTY_PAYLOAD_SHA256,
				ACCESS_KEY_ID,
				ACCESS_KEY_SECRET,
			);
		},
	};
}

function rpcV1Contender(): Contender {
	return {
		name: 'RPC V1 HMAC-SHA1 vs @alicloud/openapi-util getRPCSignature',
		ours: (nonce) =>
			signRpcV1({
				method: 'POST',
				params: [['Action', ACTION], ['Version', VERSION], ...Object.entries(SUBMIT_PARAMS)],
				accessKeyId: ACCESS_KEY_ID,
				accessKeySecret: ACCESS_KEY_SECRET,
				timestamp: TIMESTAMP,
				nonce,
			}).signature,
		sdk: (nonce) =>
			OpenApiUtil.getRPCSignature(
				{
					Action: ACTION,
					Version: VERSION,
					...SUBMIT_PARAMS,
					AccessKeyId: ACCESS_KEY_ID,
					SignatureMethod: 'HMAC-SHA1',
					SignatureVersion: '1.0',
					SignatureNonce: nonce,
					Timestamp: TIMESTAMP,
					Format: 'JSON',
				},
				'POST',
				ACCESS_KEY_SECRET,
			),
	};
}

function huaweiContender(): Contender {
	const endpoint = 'https://vod.cn-north-4.myhuaweicloud.com';
	const path = '/v1/0a1b2c3d4e5f60718293a4b5c6d7e8f9/asset/thumbnails';
	const body = JSON.stringify({
		asset_id: 'f488337c31c8e4622f1590735b134c65',
		thumbnail: { type: 'dots' },
	});
	const sdkDate = '20240102T030405Z';
	const credentials = new BasicCredentials()
		.withAk('HWBENCHMARKAK0000001')
		.withSk(ACCESS_KEY_SECRET);
	return {
		name: 'SDK-HMAC-SHA256 (Huawei) vs @huaweicloud/huaweicloud-sdk-core AKSKSigner.sign',
		ours: (nonce) =>
			signHuaweiRequest({
				method: 'POST',
				url: new URL(`${endpoint}${path}`),
				query: [['request_id', nonce]],
				headers: { 'Content-Type': 'application/json' },
				body,
				accessKeyId: 'HWBENCHMARKAK0000001',
				secretAccessKey: ACCESS_KEY_SECRET,
				sdkDate,
			}).authorization,
		sdk: (nonce) => {
			const signed = AKSKSigner.sign(
				{
					endpoint: `${endpoint}${path}`,
					method: 'POST',
					queryParams: { request_id: nonce },
					headers: { 'Content-Type': 'application/json', 'X-Sdk-Date': sdkDate },
					data: JSON.parse(body) as object,
				} as unknown as Parameters<typeof AKSKSigner.sign>[0],
				credentials,
			) as Record<string, string>;
			return signed.Authorization;
		},
	};
}

/** This process's CPU time in ms: time other processes take on a shared machine is not counted. */
function cpuMs(): number {
	const usage = process.cpuUsage();
	return (usage.user + usage.system) / 1000;
}

/** Operations per CPU second of `sign` over about ROUND_MS of CPU time. */
function opsPerSecond(sign: (nonce: string) => string, round: number): number {
	let calls = 0;
	const started = cpuMs();
	let elapsed = 0;
	while (elapsed < ROUND_MS) {
		for (let index = 0; index < BATCH; index++) sign(`${round}-${calls + index}`);
		calls += BATCH;
		elapsed = cpuMs() - started;
	}
	return (calls * 1000) / elapsed;
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

export interface SignerRatio {
	name: string;
	oursOpsPerSecond: number;
	sdkOpsPerSecond: number;
	/** Median over the rounds of ours / SDK. */
	ratio: number;
}

function measure(contender: Contender): SignerRatio {
	const oursSample = contender.ours('same-nonce');
	const sdkSample = contender.sdk('same-nonce');
	if (oursSample !== sdkSample) {
		throw new Error(`${contender.name}: the two signers disagree (${oursSample} vs ${sdkSample})`);
	}
	opsPerSecond(contender.ours, -1);
	opsPerSecond(contender.sdk, -1);
	const ours: number[] = [];
	const sdk: number[] = [];
	for (let round = 0; round < ROUNDS; round++) {
		ours.push(opsPerSecond(contender.ours, round));
		sdk.push(opsPerSecond(contender.sdk, round));
	}
	return {
		name: contender.name,
		oursOpsPerSecond: median(ours),
		sdkOpsPerSecond: median(sdk),
		ratio: median(ours.map((value, round) => value / sdk[round])),
	};
}

export function measureSigners(): SignerRatio[] {
	return [acs3Contender(), rpcV1Contender(), huaweiContender()].map(measure);
}
