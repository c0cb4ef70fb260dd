import { invalidParameter, missingParameter } from '../gateway/errors';
import type { RpcAction } from '../gateway/rpcGateway';
import type { RpcParams } from '../gateway/rpcParams';
import { DEFAULT_APP_ID } from './videos';

/** The MessageCallback object of GetMessageCallback, as stored by SetMessageCallback. */
export interface MessageCallbackConfig {
	AppId: string;
	CallbackType: 'HTTP' | 'MNS';
	EventTypeList: string;
	CallbackURL?: string;
	AuthSwitch?: 'on' | 'off';
	AuthKey?: string;
	MnsEndpoint?: string;
	MnsQueueName?: string;
}

const AUTH_KEY_RULE = /^(?=.*[A-Z])(?=.*[a-z])(?=.*\d)[A-Za-z\d]{1,32}$/;
const MAX_CALLBACK_URL_BYTES = 256;

export class MessageCallbacks {
	private readonly configs = new Map<string, MessageCallbackConfig>();

	get(appId: string): MessageCallbackConfig | undefined {
		return this.configs.get(appId);
	}

	set(config: MessageCallbackConfig): void {
		this.configs.set(config.AppId, config);
	}

	delete(appId: string): void {
		this.configs.delete(appId);
	}

	clear(): void {
		this.configs.clear();
	}
}

/** Whether the config asks for this event; an empty list enables none, `ALL` every event. */
export function subscribes(config: MessageCallbackConfig, eventType: string): boolean {
	const events = config.EventTypeList.split(',').map((event) => event.trim());
	return events.includes('ALL') || events.includes(eventType);
}

function parseConfig(params: RpcParams): MessageCallbackConfig {
	const appId = params.get('AppId') ?? DEFAULT_APP_ID;
	const type = params.get('CallbackType') ?? 'HTTP';
	if (type !== 'HTTP' && type !== 'MNS')
		throw invalidParameter('CallbackType', 'It must be HTTP or MNS.');
	const eventTypeList = params.get('EventTypeList') ?? '';
	if (type === 'MNS') {
		const endpoint = params.get('MnsEndpoint');
		const queueName = params.get('MnsQueueName');
		if (!endpoint) throw missingParameter('MnsEndpoint');
		if (!queueName) throw missingParameter('MnsQueueName');
		return {
			AppId: appId,
			CallbackType: type,
			EventTypeList: eventTypeList,
			MnsEndpoint: endpoint,
			MnsQueueName: queueName,
		};
	}
	const url = params.required('CallbackURL');
	if (!/^https?:\/\//.test(url) || Buffer.byteLength(url) > MAX_CALLBACK_URL_BYTES) {
		throw invalidParameter('CallbackURL', 'It must be one http(s) URL of at most 256 bytes.');
	}
	const authSwitch = params.get('AuthSwitch') ?? 'off';
	if (authSwitch !== 'on' && authSwitch !== 'off')
		throw invalidParameter('AuthSwitch', 'It must be on or off.');
	const authKey = params.get('AuthKey');
	if (authKey !== undefined && !AUTH_KEY_RULE.test(authKey)) {
		throw invalidParameter(
			'AuthKey',
			'At most 32 characters with upper-case, lower-case letters and digits.',
		);
	}
	if (authSwitch === 'on' && authKey === undefined) throw missingParameter('AuthKey');
	return {
		AppId: appId,
		CallbackType: type,
		EventTypeList: eventTypeList,
		CallbackURL: url,
		AuthSwitch: authSwitch,
		...(authKey === undefined ? {} : { AuthKey: authKey }),
	};
}

export function messageCallbackActions(callbacks: MessageCallbacks): Record<string, RpcAction> {
	return {
		SetMessageCallback: (params) => {
			callbacks.set(parseConfig(params));
			return {};
		},
		GetMessageCallback: (params) => {
			const config = callbacks.get(params.get('AppId') ?? DEFAULT_APP_ID);
			return config ? { MessageCallback: config } : {};
		},
		DeleteMessageCallback: (params) => {
			callbacks.delete(params.get('AppId') ?? DEFAULT_APP_ID);
			return {};
		},
	};
}
