import { describe, expect, it } from 'vitest';

import { AliyunMps } from '../../../nodes/AliyunMps/AliyunMps.node';
import { allParameters, parameterNamed } from '../../support/nodeDescription';

const mps = new AliyunMps().description;

/** docs/conventions.md: a default is what appears when the field is added, so it must mean what the text says. */
describe('Snapshot Job → Submit defaults', () => {
	it.each([
		['width', /empty keeps the source width/],
		['height', /empty keeps the source height/],
	])('%s is added empty, and says what empty means', (name, meaning) => {
		const field = parameterNamed(mps.properties, name);
		expect(field.default).toBe('');
		expect(field.description).toMatch(meaning);
	});

	it('has no number field whose text promises the source size while a number is pre-filled', () => {
		const prefilled = allParameters(mps.properties).filter(
			(field) =>
				field.type === 'number' && /source/i.test(field.description ?? '') && field.default !== '',
		);
		expect(prefilled.map((field) => field.name)).toEqual([]);
	});
});
