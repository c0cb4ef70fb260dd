import { NodeHelpers } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { AliyunVod } from '../../../nodes/AliyunVod/AliyunVod.node';
import { submittedSnapshotJob } from '../../../nodes/AliyunVod/helpers/waitForSnapshotJob';
import { visibleTexts, workflowNode } from '../../support/nodeDescription';

const { description } = new AliyunVod();

function shownFor(resource: string, operation: string): INodeProperties[] {
	return description.properties.filter((property) => {
		const show = property.displayOptions?.show;
		return show?.resource?.includes(resource) && show.operation?.includes(operation);
	});
}

function optionValues(property: INodeProperties | undefined): unknown[] {
	return (property?.options ?? []).map((option) =>
		'value' in option ? option.value : option.name,
	);
}

/** Saved workflows store these names and values: changing one breaks them. */
describe('Alibaba Cloud VOD description contract', () => {
	it('declares the node as the issue asks', () => {
		expect(description).toMatchObject({
			name: 'aliyunVod',
			displayName: 'Alibaba Cloud VOD',
			version: [1],
			usableAsTool: true,
			credentials: [{ name: 'aliyunApi', required: true }],
		});
	});

	it('offers the snapshot and video resources with their operations', () => {
		const resource = description.properties.find((property) => property.name === 'resource');
		expect(optionValues(resource)).toEqual(['snapshot', 'video']);
		const operations = description.properties.filter((property) => property.name === 'operation');
		expect(
			operations.map((property) => [
				property.displayOptions?.show?.resource,
				optionValues(property),
			]),
		).toEqual([
			[['snapshot'], ['getAll', 'submit']],
			[['video'], ['get', 'search']],
		]);
	});

	it.each([
		[
			'snapshot',
			'submit',
			[
				'videoId',
				'snapshotTemplateId',
				'templateNotice',
				'snapshotSettings',
				'sprite',
				'spriteSnapshotConfig',
				'userData',
				'waitForCompletion',
				'downloadImages',
				'options',
			],
		],
		[
			'snapshot',
			'getAll',
			['videoId', 'snapshotType', 'returnAll', 'limit', 'downloadImages', 'options'],
		],
		['video', 'get', ['videoId', 'options']],
		['video', 'search', ['match', 'returnAll', 'limit', 'options']],
	])('%s → %s has the parameters %j', (resource, operation, names) => {
		expect(shownFor(resource, operation).map((property) => property.name)).toEqual(names);
	});

	it.each([
		[
			'snapshot',
			'submit',
			'snapshotSettings',
			['count', 'height', 'interval', 'specifiedOffsetTime', 'width'],
		],
		[
			'snapshot',
			'submit',
			'spriteSnapshotConfig',
			['cellHeight', 'cellWidth', 'color', 'columns', 'keepCellPic', 'lines', 'margin', 'padding'],
		],
		['snapshot', 'submit', 'userData', ['callbackUrl', 'extend']],
		[
			'snapshot',
			'submit',
			'options',
			['maxRequestsPerSecond', 'maxWaitTime', 'pollInterval', 'binaryPropertyName', 'maxFileSize'],
		],
		[
			'snapshot',
			'getAll',
			'options',
			['authTimeout', 'maxRequestsPerSecond', 'binaryPropertyName', 'maxFileSize'],
		],
		['video', 'get', 'options', ['maxRequestsPerSecond']],
		['video', 'search', 'options', ['fields', 'maxRequestsPerSecond', 'sortBy']],
	])('%s → %s %s holds %j', (resource, operation, collection, names) => {
		const property = shownFor(resource, operation).find(
			(candidate) => candidate.name === collection,
		);
		expect((property?.options ?? []).map((option) => option.name)).toEqual(names);
	});

	it('lists the four documented snapshot types (ListSnapshots)', () => {
		const snapshotType = shownFor('snapshot', 'getAll').find(
			(property) => property.name === 'snapshotType',
		);
		expect(optionValues(snapshotType)).toEqual([
			'CoverSnapshot',
			'NormalSnapshot',
			'SpriteOriginSnapshot',
			'SpriteSnapshot',
		]);
	});

	it('defaults Max Requests per Second to the documented QPS of each action', () => {
		const qps = (resource: string, operation: string) => {
			const options = shownFor(resource, operation).find((property) => property.name === 'options');
			const option = (options?.options ?? []).find(
				(candidate) => candidate.name === 'maxRequestsPerSecond',
			);
			return option && 'default' in option ? option.default : undefined;
		};
		// SubmitSnapshotJob 30, GetVideoInfo 100 (aliyun.md §c), SearchMedia 50 (VOD QPS limits page)
		expect([qps('snapshot', 'submit'), qps('video', 'get'), qps('video', 'search')]).toEqual([
			30, 100, 50,
		]);
	});
});

/** n8n's names: the operation "Get Many" is offered as the action "Get many snapshots" (issue 8). */
describe('Alibaba Cloud VOD names each operation one way', () => {
	it('offers Snapshot → Get Many as the action "Get many snapshots"', () => {
		const operation = description.properties.find(
			(property) =>
				property.name === 'operation' &&
				property.displayOptions?.show?.resource?.[0] === 'snapshot',
		);
		const getAll = (operation?.options ?? []).find(
			(option) => 'value' in option && option.value === 'getAll',
		);
		expect(getAll).toMatchObject({ name: 'Get Many', action: 'Get many snapshots' });
	});

	it('never calls an operation "List" in a label, description, hint or action', () => {
		const listed = visibleTexts(description).filter((text) => /\bList\b/.test(text));
		expect(listed).toEqual([]);
	});

	it('tells a timed-out wait to fetch the snapshots with Get Many', () => {
		const { resumeHint } = submittedSnapshotJob({
			jobId: 'job-1',
			videoId: 'video-1',
			snapshotTypes: ['NormalSnapshot'],
		});
		expect(resumeHint).toContain('Snapshot → Get Many');
		expect(resumeHint).not.toMatch(/\bList\b/);
	});
});

/**
 * n8n 2.41.1's parameter panel draws no asterisk for node parameters (its ParameterInputFull passes
 * no `required` to the label; only credential forms do): a required field is marked by the issue
 * n8n raises while it is empty, on the field and on the node.
 */
describe('Video ID is required', () => {
	it.each([
		['snapshot', 'submit'],
		['snapshot', 'getAll'],
		['video', 'get'],
	])(
		'%s → %s: n8n reports an empty Video ID as a missing required parameter',
		(resource, operation) => {
			const node = workflowNode('n8n-nodes-video-snapshots.aliyunVod', 'VOD', {
				resource,
				operation,
				videoId: '',
			});
			node.parameters =
				NodeHelpers.getNodeParameters(
					description.properties,
					node.parameters,
					true,
					false,
					node,
					description,
				) ?? {};
			expect(
				NodeHelpers.getNodeParametersIssues(description.properties, node, description),
			).toEqual({
				parameters: { videoId: ['Parameter "Video ID" is required.'] },
			});
		},
	);
});
