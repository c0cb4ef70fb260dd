import type { INodeProperties } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { updateDisplayOptions } from '../../../nodes/shared/displayOptions';

const properties: INodeProperties[] = [
	{ displayName: 'Return All', name: 'returnAll', type: 'boolean', default: false },
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		displayOptions: { show: { returnAll: [false] }, hide: { mode: ['raw'] } },
	},
];

describe('updateDisplayOptions', () => {
	const result = updateDisplayOptions(
		{ show: { resource: ['snapshot'], operation: ['getAll'] }, hide: { '@version': [2] } },
		properties,
	);

	it('adds the operation conditions to a property without its own', () => {
		expect(result[0].displayOptions).toEqual({
			show: { resource: ['snapshot'], operation: ['getAll'] },
			hide: { '@version': [2] },
		});
	});

	it("keeps a property's own show and hide conditions", () => {
		expect(result[1].displayOptions).toEqual({
			show: { returnAll: [false], resource: ['snapshot'], operation: ['getAll'] },
			hide: { mode: ['raw'], '@version': [2] },
		});
	});

	it('leaves the other fields and the input untouched', () => {
		expect(result[1]).toMatchObject({ name: 'limit', type: 'number', default: 50 });
		expect(properties[1].displayOptions).toEqual({
			show: { returnAll: [false] },
			hide: { mode: ['raw'] },
		});
		expect(properties[0].displayOptions).toBeUndefined();
	});

	it('lets the operation win on a shared key', () => {
		const [merged] = updateDisplayOptions({ show: { resource: ['video'] } }, [
			{ ...properties[0], displayOptions: { show: { resource: ['snapshot'] } } },
		]);
		expect(merged.displayOptions).toEqual({ show: { resource: ['video'] } });
	});
});
