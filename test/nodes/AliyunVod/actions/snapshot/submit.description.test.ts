import { NodeHelpers } from 'n8n-workflow';
import type { INodeParameters } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { AliyunVod } from '../../../../../nodes/AliyunVod/AliyunVod.node';

const { description } = new AliyunVod();

/** The Submit parameters n8n's editor shows for these values (n8n-workflow's own displayParameter). */
function shownSubmitParameters(values: INodeParameters): string[] {
	const parameters: INodeParameters = {
		resource: 'snapshot',
		operation: 'submit',
		snapshotTemplateId: '',
		sprite: false,
		waitForCompletion: false,
		...values,
	};
	return description.properties
		.filter((property) =>
			NodeHelpers.displayParameter(parameters, property, { typeVersion: 1 }, description),
		)
		.map((property) => property.name);
}

describe('Snapshot → Submit with or without a Snapshot Template ID', () => {
	it('shows no template notice without a template', () => {
		expect(shownSubmitParameters({ sprite: true })).not.toContain('templateNotice');
	});

	it('warns, next to the template, that VOD ignores the other settings once a template is set', () => {
		const shown = shownSubmitParameters({ snapshotTemplateId: 'a9f1c7e4b2d84c3e', sprite: true });
		const templateAt = shown.indexOf('snapshotTemplateId');
		expect(shown.slice(templateAt, templateAt + 2)).toEqual([
			'snapshotTemplateId',
			'templateNotice',
		]);
		const notice = description.properties.find((property) => property.name === 'templateNotice');
		expect(notice?.displayName).toMatch(/Snapshot Settings, Sprite and User Data/);
	});

	it('keeps the settings on screen, so a value left there still reaches the check that names it', () => {
		const shown = shownSubmitParameters({ snapshotTemplateId: 'a9f1c7e4b2d84c3e', sprite: true });
		expect(shown).toEqual(
			expect.arrayContaining(['snapshotSettings', 'sprite', 'spriteSnapshotConfig', 'userData']),
		);
	});
});
