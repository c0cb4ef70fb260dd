/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets */
import type { ICredentialDataDecryptedObject, ICredentialsDecrypted } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { AliyunVodCallbackApi } from '../../credentials/AliyunVodCallbackApi.credentials';
import { AliyunVodTrigger } from '../../nodes/AliyunVod/AliyunVodTrigger.node';

const credential = new AliyunVodCallbackApi();
const trigger = new AliyunVodTrigger();

/** Fields left out stay absent, as n8n leaves an optional field the user never filled. */
function decrypted(fields: Record<string, string | undefined>): ICredentialsDecrypted {
	const data: ICredentialDataDecryptedObject = {};
	for (const [name, value] of Object.entries(fields)) if (value !== undefined) data[name] = value;
	return { id: 'cred-1', name: 'VOD callback key', type: credential.name, data };
}

async function testKey(data: Record<string, string | undefined>) {
	const entry = trigger.description.credentials?.find(
		(reference) => reference.name === credential.name,
	);
	const testName = entry?.testedBy;
	if (typeof testName !== 'string') throw new Error('the trigger does not test the callback key');
	const test = Object.entries(trigger.methods.credentialTest).find(
		([name]) => name === testName,
	)?.[1];
	if (test === undefined) throw new Error(`methods.credentialTest has no ${testName}`);
	return await test(decrypted(data));
}

describe('AliyunVodCallbackApi', () => {
	it('is the aliyunVodCallbackApi type with both keys stored as passwords', () => {
		expect(credential.name).toBe('aliyunVodCallbackApi');
		expect(
			credential.properties.map((property) => [property.name, property.typeOptions?.password]),
		).toEqual([
			['authKey', true],
			['previousAuthKey', true],
		]);
		expect(credential.properties.find((property) => property.name === 'authKey')?.required).toBe(
			true,
		);
	});

	it('has no request test: the trigger tests it locally through testedBy', () => {
		expect('test' in credential).toBe(false);
		expect(trigger.description.credentials).toContainEqual(
			expect.objectContaining({
				name: 'aliyunVodCallbackApi',
				testedBy: 'aliyunVodCallbackKeyFormat',
			}),
		);
	});
});

describe('the callback key test', () => {
	it.each([
		{ authKey: 'EmulatorCallbackKey01' },
		{ authKey: 'Abc123XyZ', previousAuthKey: 'Old0Key' },
		{ authKey: `Ab1${'c'.repeat(29)}` },
	])('accepts $authKey', async (data) => {
		expect(await testKey(data)).toEqual({ status: 'OK', message: expect.any(String) });
	});

	it.each([
		{ data: { authKey: '' }, message: 'Auth Key is empty' },
		{
			data: { authKey: `Ab1${'c'.repeat(30)}` },
			message: 'Auth Key is 33 characters long; VOD allows at most 32',
		},
		{ data: { authKey: 'abc123xyz' }, message: 'Auth Key must contain an upper-case letter' },
		{ data: { authKey: 'ABC123XYZ' }, message: 'Auth Key must contain a lower-case letter' },
		{ data: { authKey: 'AbcXyz' }, message: 'Auth Key must contain a digit' },
		{
			data: { authKey: 'Abc123XyZ', previousAuthKey: 'lower1' },
			message: 'Previous Auth Key must contain an upper-case letter',
		},
		{
			data: { authKey: 'abc-def!' },
			message:
				'Auth Key may contain only letters and digits (found "-", "!"); must contain an upper-case letter and a digit',
		},
		{
			data: { authKey: `${'a'.repeat(33)}_` },
			message:
				'Auth Key is 34 characters long; VOD allows at most 32; may contain only letters and digits (found "_"); must contain an upper-case letter and a digit',
		},
		{
			data: { authKey: 'Abc 123' },
			message: 'Auth Key may contain only letters and digits (found " ")',
		},
		{
			data: { authKey: 'Abc123XyZ', previousAuthKey: '!!!' },
			message:
				'Previous Auth Key may contain only letters and digits (found "!"); must contain an upper-case letter, a lower-case letter and a digit',
		},
	])('refuses $data naming the field: $message', async ({ data, message }) => {
		expect(await testKey(data)).toEqual({ status: 'Error', message });
	});
});
