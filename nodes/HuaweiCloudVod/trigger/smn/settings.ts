import type { INodeProperties } from 'n8n-workflow';

import type { ParameterReader } from '../../../shared/trigger';
import { readSettings, type TriggerSettings } from '../parameters';

export interface SmnSettings extends TriggerSettings {
	/** Topics whose messages are accepted; empty refuses every message. */
	topicUrns: string[];
	/** `host[:port]` trusted besides Huawei's SMN hosts (a private region, the test emulator). */
	extraHosts: string[];
}

function listOf(value: unknown, normalise: (entry: string) => string): string[] {
	if (typeof value !== 'string') return [];
	return value
		.split(/[\s,]+/)
		.map(normalise)
		.filter((entry) => entry !== '');
}

export function readSmnSettings(context: ParameterReader): SmnSettings {
	return {
		...readSettings(context),
		topicUrns: listOf(context.getNodeParameter('smnTopicUrns', ''), (urn) => urn),
		extraHosts: listOf(context.getNodeParameter('smnExtraHosts', ''), (host) => host.toLowerCase()),
	};
}

const SMN_ONLY = { show: { mode: ['smn'] } };

export const smnProperties: INodeProperties[] = [
	{
		displayName:
			"In the SMN console create a topic (with a topic policy that lets VOD publish), add an HTTPS subscription to this node's Production URL, then select the topic in the VOD console under Global Settings > Notification Settings. The node confirms the subscription itself and starts the workflow only for messages SMN signed.",
		name: 'smnSetupNotice',
		type: 'notice',
		default: '',
		displayOptions: SMN_ONLY,
	},
	{
		displayName: 'Topic URNs',
		name: 'smnTopicUrns',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'urn:smn:ap-southeast-1:0123456789abcdef:vod-events',
		description:
			'Comma-separated topics to accept (their URN is on the SMN topic page). Required: SMN signs every topic, also one another account subscribes this URL to, so messages of other topics get 403 and their subscriptions are never confirmed.',
		displayOptions: SMN_ONLY,
	},
	{
		displayName: 'Extra Trusted SMN Hosts',
		name: 'smnExtraHosts',
		type: 'string',
		default: '',
		placeholder: 'smn.example-region.example.com',
		description:
			'Comma-separated host[:port] besides smn.REGION.myhuaweicloud.com (and the console for confirmation links) that may serve signing certificates and confirmation links, over HTTPS only. Leave empty on Huawei Cloud.',
		displayOptions: SMN_ONLY,
	},
];
