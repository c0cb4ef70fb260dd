import type { INodeProperties } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { AliyunVod } from '../../../nodes/AliyunVod/AliyunVod.node';
import { AliyunVodTrigger } from '../../../nodes/AliyunVod/AliyunVodTrigger.node';
import { allParameters, parameterNamed } from '../../support/nodeDescription';

const vod = new AliyunVod().description;
const trigger = new AliyunVodTrigger().description;

/** Fields whose value may have a fraction: every other number field takes whole numbers only. */
const FRACTIONAL = ['maxRequestsPerSecond', 'maxFileSize', 'pollInterval'];

const numberFields = [
	...allParameters(vod.properties),
	...allParameters(trigger.properties),
].filter((parameter) => parameter.type === 'number');

function precision(field: INodeProperties): unknown {
	return field.typeOptions?.numberPrecision;
}

describe('number fields of the VOD nodes', () => {
	it.each(numberFields.filter((field) => !FRACTIONAL.includes(field.name)).map((f) => [f.name, f]))(
		'%s takes whole numbers (numberPrecision 0, no decimals typed or shown)',
		(_name, field) => {
			expect(precision(field)).toBe(0);
		},
	);

	it.each(numberFields.filter((field) => FRACTIONAL.includes(field.name)).map((f) => [f.name, f]))(
		'%s takes fractions without padding whole values ("30", not "30.0")',
		(_name, field) => {
			expect(precision(field)).toBeUndefined();
		},
	);

	it('finds the fractional fields it expects', () => {
		expect([...new Set(numberFields.map((field) => field.name))]).toEqual(
			expect.arrayContaining(FRACTIONAL),
		);
	});
});

/** A default is what appears when the field is added: it must be what the field's text says happens. */
describe('Snapshot → Submit defaults', () => {
	it.each([
		['count', /empty leaves it to Interval/],
		['width', /empty keeps the source width/],
		['height', /empty keeps the source height/],
		['cellWidth', /empty keeps the snapshot width/],
		['cellHeight', /empty keeps the snapshot height/],
	])('%s is added empty, and says what empty means', (name, meaning) => {
		const field = parameterNamed(vod.properties, name);
		expect(field.default).toBe('');
		expect(field.description).toMatch(meaning);
	});
});
