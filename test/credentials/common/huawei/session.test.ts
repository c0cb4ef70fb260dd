import { describe, expect, it } from 'vitest';

import { huaweiIamUser } from '../../../emulator/accounts';
import type { HuaweiPasswordSettings } from '../../../../credentials/common/huawei/settings';
import {
	hasUsableToken,
	huaweiSessionScope,
	localTokenExpiry,
	TOKEN_RENEWAL_MARGIN_MS,
	type HuaweiSession,
} from '../../../../credentials/common/huawei/session';

const NOW = new Date('2024-06-01T12:00:00.000Z');
const HOUR_MS = 60 * 60 * 1000;

function session(tokenExpiresAt: string, iamToken = 'token'): HuaweiSession {
	return { resolvedFor: 'scope', resolvedProjectId: 'project', iamToken, tokenExpiresAt };
}

function expiringIn(ms: number): HuaweiSession {
	return session(new Date(NOW.getTime() + ms).toISOString());
}

describe('localTokenExpiry', () => {
	it("counts IAM's lifetime from the local time the sign-in was sent", () => {
		const expiry = localTokenExpiry(
			'2024-06-01T11:59:59.500000Z',
			'2024-06-02T11:59:59.500000Z',
			NOW,
		);
		expect(expiry?.toISOString()).toBe('2024-06-02T12:00:00.000Z');
	});

	it.each([
		['hours behind', '2024-06-01T07:00:00.000000Z', '2024-06-02T07:00:00.000000Z'],
		['a day ahead', '2024-06-02T12:30:00.000000Z', '2024-06-03T12:30:00.000000Z'],
	])("does not depend on IAM's clock (%s)", (_label, issuedAt, expiresAt) => {
		expect(localTokenExpiry(issuedAt, expiresAt, NOW)?.getTime()).toBe(
			NOW.getTime() + 24 * HOUR_MS,
		);
	});

	it.each([
		['no issued_at', undefined, '2024-06-02T12:00:00Z'],
		['no expires_at', '2024-06-01T12:00:00Z', undefined],
		['a number', 1717243200, '2024-06-02T12:00:00Z'],
		['unparseable text', 'yesterday', '2024-06-02T12:00:00Z'],
		['no lifetime', '2024-06-01T12:00:00Z', '2024-06-01T12:00:00Z'],
		['expiry before issue', '2024-06-02T12:00:00Z', '2024-06-01T12:00:00Z'],
	])('is undefined for %s', (_label, issuedAt, expiresAt) => {
		expect(localTokenExpiry(issuedAt, expiresAt, NOW)).toBeUndefined();
	});
});

describe('hasUsableToken', () => {
	it('keeps a token until the renewal margin before its expiry', () => {
		expect(hasUsableToken(expiringIn(23 * HOUR_MS), NOW)).toBe(true);
		expect(hasUsableToken(expiringIn(TOKEN_RENEWAL_MARGIN_MS + 1), NOW)).toBe(true);
		expect(hasUsableToken(expiringIn(TOKEN_RENEWAL_MARGIN_MS), NOW)).toBe(false);
		expect(hasUsableToken(expiringIn(0), NOW)).toBe(false);
		expect(hasUsableToken(expiringIn(-HOUR_MS), NOW)).toBe(false);
	});

	it('keeps the margin to a few minutes, so few failed requests fall into the renewal window', () => {
		expect(TOKEN_RENEWAL_MARGIN_MS).toBeGreaterThanOrEqual(60 * 1000);
		expect(TOKEN_RENEWAL_MARGIN_MS).toBeLessThanOrEqual(5 * 60 * 1000);
	});

	it.each([
		['no session', undefined],
		['no token', session(new Date(NOW.getTime() + HOUR_MS).toISOString(), '')],
		['no expiry (a session stored before expiries were tracked)', session('')],
		['an unreadable expiry', session('tomorrow')],
	])('is false for %s', (_label, stored) => {
		expect(hasUsableToken(stored, NOW)).toBe(false);
	});
});

describe('huaweiSessionScope', () => {
	const settings: HuaweiPasswordSettings = {
		authType: 'password',
		region: 'cn-north-4',
		projectId: '',
		vodEndpoint: '',
		iamEndpoint: '',
		...huaweiIamUser,
	};

	it('changes with the password, so a new password signs in again instead of reusing the token', () => {
		expect(
			huaweiSessionScope({ ...settings, password: `${huaweiIamUser.password}-changed` }),
		).not.toBe(huaweiSessionScope(settings));
		expect(huaweiSessionScope({ ...settings })).toBe(huaweiSessionScope(settings));
	});

	it('never contains the password itself', () => {
		expect(huaweiSessionScope(settings)).not.toContain(huaweiIamUser.password);
	});
});
