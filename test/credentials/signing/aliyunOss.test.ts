import { afterEach, describe, expect, it, vi } from 'vitest';

import {
	ossEncodeKey,
	ossV1CanonicalizedResource,
	presignOssV1Url,
} from '../../../credentials/signing/aliyunOss';
import {
	ossV4CanonicalQuery,
	ossV4CanonicalUri,
	presignOssV4Url,
} from '../../../credentials/signing/aliyunOssV4';
import { parseOssV4Authorization } from '../../support/ossAuthorization';
import { aliOssClient } from '../../emulator/clients/aliOss';

const NOW = new Date('2025-03-04T05:06:07Z');
interface TestKeys {
	accessKeyId: string;
	accessKeySecret: string;
	securityToken?: string;
}

const KEYS: TestKeys = { accessKeyId: 'LTAI5tDiffKeyId', accessKeySecret: 'DiffSecretForOssTests' };
const STS: TestKeys = {
	accessKeyId: 'STS.DiffKey',
	accessKeySecret: 'DiffStsSecret',
	securityToken: 'CAIS+tok/en==',
};
const BUCKET = 'diff-bucket';
const ORIGIN = `https://${BUCKET}.oss-cn-beijing.aliyuncs.com`;

/** Keys MPS writes and users type: nested, unicode, spaces, `+`, `{}`, RFC 3986 reserved marks. */
const OBJECT_KEYS = [
	'a.jpg',
	'snap/video-1/00001.jpg',
	'截图/帧 00002.jpg',
	"odd~name*(1)/it's!+x.jpg",
	'tiles/{TileCount} 100%.jpg',
];

function sdkClient(keys: TestKeys) {
	return aliOssClient({
		...keys,
		stsToken: keys.securityToken,
		bucket: BUCKET,
		region: 'oss-cn-beijing',
		secure: true,
	});
}

afterEach(() => {
	vi.useRealTimers();
});

describe('OSS signer against the official SDK (ali-oss 6.23.0)', () => {
	it.each(OBJECT_KEYS)('V1 pre-signed URL of %s equals signatureUrl', (key) => {
		vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
		for (const keys of [KEYS, STS]) {
			const client = sdkClient(keys);
			const theirs = client.signatureUrl(key, { expires: 900, process: 'image/resize,w_50' });
			const ours = presignOssV1Url({
				...keys,
				method: 'GET',
				origin: ORIGIN,
				bucket: BUCKET,
				object: key,
				query: [['x-oss-process', 'image/resize,w_50']],
				now: NOW,
				expiresIn: 900,
			});
			expect(ours.url).toBe(theirs);
		}
	});

	it.each(OBJECT_KEYS)('V4 pre-signed URL of %s equals signatureUrlV4', async (key) => {
		vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
		for (const keys of [KEYS, STS]) {
			const client = sdkClient(keys);
			const theirs = await client.signatureUrlV4('HEAD', 120, {}, key);
			const ours = presignOssV4Url({
				...keys,
				method: 'HEAD',
				origin: ORIGIN,
				bucket: BUCKET,
				object: key,
				now: NOW,
				expiresIn: 120,
				signRegion: 'cn-beijing',
			});
			expect(ours.url).toBe(theirs);
		}
	});
});

describe('OSS signer, hand-computed parts', () => {
	it('keeps / in the wire path and encodes + and space', () => {
		expect(ossEncodeKey('a b/c+d.jpg')).toBe('a%20b/c%2Bd.jpg');
	});

	it('signs only sub-resources in V1, with raw values, sorted', () => {
		expect(
			ossV1CanonicalizedResource('b', 'k/x.jpg', [
				['x-oss-process', 'image/resize,w_1'],
				['prefix', 'not/signed'],
				['acl', ''],
			]),
		).toBe('/b/k/x.jpg?acl&x-oss-process=image/resize,w_1');
		expect(ossV1CanonicalizedResource('', '', [])).toBe('/');
	});

	it('V4 canonical URI and query are RFC 3986 with / kept in the path only', () => {
		expect(ossV4CanonicalUri('b', "a*(b)/c'd!.jpg")).toBe('/b/a%2A%28b%29/c%27d%21.jpg');
		expect(
			ossV4CanonicalQuery([
				['z', 'a/b'],
				['a', ''],
				['m', '*'],
			]),
		).toBe('a&m=%2A&z=a%2Fb');
	});

	it('reads both Authorization separator styles and refuses a malformed one', () => {
		const compact =
			'OSS4-HMAC-SHA256 Credential=id/20250102/cn-shanghai/oss/aliyun_v4_request,AdditionalHeaders=host,Signature=ab';
		const spaced = compact.replace(/,/g, ', ');
		for (const value of [compact, spaced]) {
			expect(parseOssV4Authorization(value)).toEqual({
				accessKeyId: 'id',
				scope: '20250102/cn-shanghai/oss/aliyun_v4_request',
				date: '20250102',
				region: 'cn-shanghai',
				additionalHeaders: ['host'],
				signature: 'ab',
			});
		}
		expect(
			parseOssV4Authorization('OSS4-HMAC-SHA256 Credential=id/2025,Signature=ab'),
		).toBeUndefined();
	});
});
