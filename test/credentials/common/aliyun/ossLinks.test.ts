import { describe, expect, it } from 'vitest';

import { ossObjectTarget, presignOssGet } from '../../../../credentials/common/aliyun/ossLinks';

const REF = { bucket: 'media-bucket', location: 'oss-cn-shanghai', object: 'out/a 1.jpg' };

function credentials(ossEndpoint: string, signatureVersion = 'v3') {
	return {
		accessKeyId: 'LTAIexampleOssLinks',
		accessKeySecret: 'example-oss-links-secret',
		regionId: 'cn-shanghai',
		signatureVersion,
		ossEndpoint,
	};
}

describe('ossObjectTarget', () => {
	it("uses the bucket's own host when no OSS Endpoint is set", () => {
		expect(ossObjectTarget(credentials(''), REF)).toMatchObject({
			origin: 'https://media-bucket.oss-cn-shanghai.aliyuncs.com',
			pathStyle: false,
		});
	});

	it('puts the bucket in the host of an Alibaba Cloud endpoint (OSS refuses it in the path)', () => {
		expect(
			ossObjectTarget(credentials('https://oss-cn-shanghai-internal.aliyuncs.com'), REF),
		).toMatchObject({
			origin: 'https://media-bucket.oss-cn-shanghai-internal.aliyuncs.com',
			pathStyle: false,
		});
	});

	it('puts the bucket in the path on any other host (a proxy, the emulator)', () => {
		expect(ossObjectTarget(credentials('http://127.0.0.1:9000'), REF)).toMatchObject({
			origin: 'http://127.0.0.1:9000',
			pathStyle: true,
		});
	});
});

describe('presignOssGet on an Alibaba Cloud endpoint', () => {
	it.each(['v1', 'v3'])('links the object on the bucket host, key in the path (%s)', (version) => {
		const link = new URL(
			presignOssGet(
				credentials('https://oss-cn-shanghai-internal.aliyuncs.com', version),
				REF,
				600,
				new Date('2026-12-06T12:00:00Z'),
			),
		);
		expect(link.host).toBe('media-bucket.oss-cn-shanghai-internal.aliyuncs.com');
		expect(link.pathname).toBe('/out/a%201.jpg');
	});
});
