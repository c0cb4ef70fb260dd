import { describe, expect, it } from 'vitest';

import {
	cachedSigningKey,
	CERTIFICATE_TTL_MS,
	MAX_CACHED_CERTIFICATES,
} from '../../../../nodes/HuaweiCloudVod/trigger/smn/certificateCache';
import { createSelfSignedCertificate } from '../../../emulator/huawei/smn/x509';

const { certificatePem } = createSelfSignedCertificate({
	commonName: 'SMN signing',
	hosts: ['localhost'],
	digest: 'sha256',
});

/** A fetch that serves the certificate and counts calls per URL. */
function countingFetch(serve: (url: string) => string = () => certificatePem) {
	const calls: string[] = [];
	return {
		calls,
		fetch: async (url: string) => {
			calls.push(url);
			return await Promise.resolve(serve(url));
		},
	};
}

const unique = (name: string) => `https://smn.test.myhuaweicloud.com/${name}-${Math.random()}.pem`;

describe('SMN certificate cache', () => {
	it('fetches a URL once, also for deliveries that arrive while it is being fetched', async () => {
		const { calls, fetch } = countingFetch();
		const url = unique('once');
		const keys = await Promise.all(
			[1, 2, 3].map(async () => await cachedSigningKey(url, fetch, 0)),
		);
		await cachedSigningKey(url, fetch, 1_000);
		expect(calls).toEqual([url]);
		expect(keys.map((key) => typeof key === 'object' && key.digest)).toEqual([
			'sha256',
			'sha256',
			'sha256',
		]);
	});

	it('fetches again after a day', async () => {
		const { calls, fetch } = countingFetch();
		const url = unique('day');
		await cachedSigningKey(url, fetch, 0);
		await cachedSigningKey(url, fetch, CERTIFICATE_TTL_MS - 1);
		await cachedSigningKey(url, fetch, CERTIFICATE_TTL_MS);
		expect(calls).toHaveLength(2);
	});

	it(`keeps at most ${MAX_CACHED_CERTIFICATES} certificates, forgetting the least recently used`, async () => {
		const { calls, fetch } = countingFetch();
		const urls = Array.from({ length: MAX_CACHED_CERTIFICATES + 1 }, (_, index) =>
			unique(`lru${index}`),
		);
		for (const url of urls) await cachedSigningKey(url, fetch, 0);
		await cachedSigningKey(urls[1], fetch, 0);
		await cachedSigningKey(urls[0], fetch, 0);
		expect(calls).toHaveLength(urls.length + 1);
		expect(calls.at(-1)).toBe(urls[0]);
	});

	it('keeps neither a failed fetch nor text that is no certificate', async () => {
		const failing = countingFetch(() => {
			throw new Error('connect ECONNREFUSED');
		});
		const url = unique('fail');
		expect(await cachedSigningKey(url, failing.fetch, 0)).toBe('unavailable');
		expect(await cachedSigningKey(url, failing.fetch, 0)).toBe('unavailable');
		expect(failing.calls).toHaveLength(2);

		const html = countingFetch(() => '<html>maintenance</html>');
		const other = unique('html');
		expect(await cachedSigningKey(other, html.fetch, 0)).toBe('unusable');
		expect(await cachedSigningKey(other, html.fetch, 0)).toBe('unusable');
		expect(html.calls).toHaveLength(2);
	});
});
