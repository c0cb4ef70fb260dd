import type { INodeProperties, TriggerPanelDefinition } from 'n8n-workflow';

import { eventTypeOptions } from './eventTypes';
import { CALLBACK_URL_OPTION_LABEL, DEFAULT_APP_ID, DEFAULT_MAX_AGE_SECONDS } from './parameters';

const WHERE_THE_URLS_ARE =
	"The URLs are under <b>Webhook URLs</b> at the top of this node's parameters (click to show them).";

/**
 * The trigger panel's texts. n8n 2.41 shows the listening URL only for its own Webhook node, and
 * these texts are not expressions, so they say which of the node's URLs VOD must call and where
 * to copy it.
 */
export const triggerPanel: TriggerPanelDefinition = {
	header: 'Listen for ApsaraVideo VOD callbacks',
	executionsHelp: {
		inactive: `<b>While building your workflow</b>, click 'Execute step': the node then listens on its <b>Test URL</b> (…/webhook-test/…/webhook) for two minutes. Make VOD call that URL, or turn on Register Callback in VOD and Register During Test Listening to point VOD at it. ${WHERE_THE_URLS_ARE}<br /><br /><b>Once you publish the workflow</b>, VOD must call the <b>Production URL</b> (…/webhook/…/webhook), set in the VOD console or by Register Callback in VOD.`,
		active: `<b>The workflow is published</b>: VOD calls the <b>Production URL</b> (…/webhook/…/webhook), and every accepted callback starts an execution. 'Execute step' listens on the <b>Test URL</b> (…/webhook-test/…/webhook) instead. ${WHERE_THE_URLS_ARE}`,
	},
	activationHint: {
		inactive: `Once published, this node listens on its <b>Production URL</b>, which VOD must call. ${WHERE_THE_URLS_ARE}`,
		active: `This node listens on its <b>Production URL</b> for VOD's callbacks. ${WHERE_THE_URLS_ARE}`,
	},
};

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			"VOD calls this webhook's Production URL, which must be reachable from the internet. Set it in the VOD console (Configuration Management > Media Processing > Callback Settings: HTTP, with callback authentication on and the credential's key), or turn on Register Callback in VOD below.",
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Verify Signature',
		name: 'verifySignature',
		type: 'boolean',
		default: true,
		description:
			"Whether to accept only callbacks signed with the credential's key (X-VOD-SIGNATURE) and a recent X-VOD-TIMESTAMP; others get 401 or 403 and start nothing",
	},
	{
		displayName:
			'Without signature verification anyone who knows this URL can start the workflow with any content. Turn it off only for a test behind a private network.',
		name: 'verificationOffNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { verifySignature: [false] } },
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: eventTypeOptions,
		default: ['SnapshotComplete'],
		required: true,
		description:
			'Event types that start the workflow; other events are answered with 200 and ignored. AI events are enabled together in VOD (AIComplete).',
	},
	{
		displayName: 'Register Callback in VOD',
		name: 'registerCallback',
		type: 'boolean',
		default: false,
		description:
			"Whether to point VOD's HTTP callback at this webhook when the workflow is activated (SetMessageCallback) and restore the previous setting when it is deactivated",
	},
	{
		displayName:
			"VOD has one callback per app and region: activation replaces the current one, which is saved without its Auth Key and restored on deactivation. The key is never stored: a restored setting with callback authentication gets this credential's key, so if it used another key, re-enter that key in the VOD console after deactivating.",
		name: 'registrationNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { registerCallback: [true] } },
	},
	{
		displayName: 'App ID',
		name: 'appId',
		type: 'string',
		default: DEFAULT_APP_ID,
		description: 'VOD application whose callback is set; app-1000000 is the default application',
		displayOptions: { show: { registerCallback: [true] } },
	},
	{
		displayName: 'Register During Test Listening',
		name: 'registerDuringTest',
		type: 'boolean',
		default: false,
		description:
			'Whether "Listen for test event" also points VOD at the test URL for its two minutes, replacing the production callback until it ends',
		displayOptions: { show: { registerCallback: [true] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: CALLBACK_URL_OPTION_LABEL,
				name: 'callbackUrl',
				type: 'string',
				default: '',
				placeholder: 'https://n8n.example.com/webhook/…/webhook',
				description:
					"The exact URL VOD calls, when a proxy or tunnel makes it differ from n8n's webhook URL. VOD signs this URL, and registration sets it.",
			},
			{
				displayName: 'Replay Window (Seconds)',
				name: 'maxAgeSeconds',
				type: 'number',
				default: DEFAULT_MAX_AGE_SECONDS,
				typeOptions: { minValue: 1, numberPrecision: 0 },
				description:
					'Largest accepted difference between X-VOD-TIMESTAMP and the current time, in either direction',
			},
		],
	},
];
