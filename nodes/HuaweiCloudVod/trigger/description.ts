import type { INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../shared/actions';
import { eventTypeOptions } from './eventTypes';
import { DEFAULT_MAX_AGE_SECONDS } from './parameters';
import { smnProperties } from './smn/settings';

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Webhook (MFS)',
				value: 'mfs',
				description: "VOD's own callback, signed with the credential's key",
			},
			{
				name: 'Webhook (SMN)',
				value: 'smn',
				description: 'An SMN topic VOD publishes to, with an HTTPS subscription to this URL',
			},
		],
		default: 'mfs',
	},
	...smnProperties,
	{
		displayName:
			"VOD has no API to register this webhook: in the VOD console open Global Settings > Notification Settings, choose MFS, tick the events, paste this node's Production URL as the callback URL, click Generate for an authentication key and put that key in the credential. The URL must be reachable from the internet, through proxies that keep headers with underscores (auth_timestamp, auth_sign; nginx drops them unless underscores_in_headers is on).",
		name: 'setupNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { mode: ['mfs'] } },
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: eventTypeOptions,
		default: ['thumbnailComplete'],
		required: true,
		description:
			'Event types that start the workflow; other events are answered with 200 and start nothing',
	},
	{
		// SMN signs its own timestamp, which SMN may set long before a retried delivery: MFS only.
		...optionsCollection([
			{
				displayName: 'Replay Window (Seconds)',
				name: 'maxAgeSeconds',
				type: 'number',
				typeOptions: { minValue: 1, numberPrecision: 0 },
				default: DEFAULT_MAX_AGE_SECONDS,
				description:
					'How far auth_timestamp may be from now, either way; older or later deliveries get 403 and start nothing',
			},
		]),
		displayOptions: { show: { mode: ['mfs'] } },
	},
];
