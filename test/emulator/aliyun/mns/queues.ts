import { createHash, randomBytes } from 'node:crypto';

export interface MnsMessage {
	messageId: string;
	body: string;
	bodyMd5: string;
	enqueueTime: number;
	nextVisibleTime: number;
	firstDequeueTime?: number;
	dequeueCount: number;
	priority: number;
	/** Handle of the latest receive; deleting needs it before `nextVisibleTime`. */
	receiptHandle?: string;
}

export type DeleteOutcome = 'deleted' | 'receiptHandleError' | 'messageNotExist';

export const DEFAULT_VISIBILITY_TIMEOUT_SECONDS = 30;

/**
 * Shaped like real handles (`1-ODU4OTkzNDU5My0xNDMyNzI3ODI3LTItOA==`): the dequeue count, then
 * Base64. The last two bytes 0xFB 0xFF encode as `+/8=`, so every handle holds `+ / =`, the
 * characters a client must send raw (aliyun.md h, vector mns-DeleteMessage).
 */
function receiptHandle(dequeueCount: number): string {
	return `${dequeueCount}-${Buffer.concat([randomBytes(15), Buffer.from([0xfb, 0xff])]).toString('base64')}`;
}

class MnsQueue {
	readonly messages: MnsMessage[] = [];
	constructor(readonly visibilityTimeoutSeconds: number) {}
}

/** In-memory MNS queues; time comes from the emulator clock. */
export class MnsQueues {
	private readonly queues = new Map<string, MnsQueue>();
	/** Handles ever issued → message id, to tell a stale handle from a malformed one. */
	private readonly issuedHandles = new Map<string, string>();

	create(name: string, visibilityTimeoutSeconds = DEFAULT_VISIBILITY_TIMEOUT_SECONDS): void {
		if (!this.queues.has(name)) this.queues.set(name, new MnsQueue(visibilityTimeoutSeconds));
	}

	exists(name: string): boolean {
		return this.queues.has(name);
	}

	send(name: string, body: string, now: number, delaySeconds = 0, priority = 8): MnsMessage {
		this.create(name);
		const message: MnsMessage = {
			messageId: randomBytes(16).toString('hex').toUpperCase(),
			body,
			bodyMd5: createHash('md5').update(body).digest('hex').toUpperCase(),
			enqueueTime: now,
			nextVisibleTime: now + delaySeconds * 1000,
			dequeueCount: 0,
			priority,
		};
		this.queue(name).messages.push(message);
		return message;
	}

	/** Up to `max` visible messages, each made invisible for the queue's visibility timeout. */
	receive(name: string, max: number, now: number): MnsMessage[] {
		const queue = this.queue(name);
		const visible = queue.messages
			.filter((message) => message.nextVisibleTime <= now)
			.slice(0, max);
		for (const message of visible) {
			message.dequeueCount += 1;
			message.firstDequeueTime ??= now;
			message.nextVisibleTime = now + queue.visibilityTimeoutSeconds * 1000;
			message.receiptHandle = receiptHandle(message.dequeueCount);
			this.issuedHandles.set(message.receiptHandle, message.messageId);
		}
		return visible.map((message) => ({ ...message }));
	}

	delete(name: string, receiptHandle: string, now: number): DeleteOutcome {
		const queue = this.queue(name);
		const messageId = this.issuedHandles.get(receiptHandle);
		if (messageId === undefined) return 'receiptHandleError';
		const index = queue.messages.findIndex((message) => message.messageId === messageId);
		if (index === -1) return 'messageNotExist';
		const message = queue.messages[index];
		if (message.receiptHandle !== receiptHandle || message.nextVisibleTime <= now)
			return 'receiptHandleError';
		queue.messages.splice(index, 1);
		return 'deleted';
	}

	/** Every message still in the queue, visible or not (for tests). */
	peek(name: string): MnsMessage[] {
		return this.queues.get(name)?.messages.map((message) => ({ ...message })) ?? [];
	}

	clear(): void {
		this.queues.clear();
		this.issuedHandles.clear();
	}

	private queue(name: string): MnsQueue {
		const queue = this.queues.get(name);
		if (!queue) throw new Error(`MNS queue ${name} does not exist`);
		return queue;
	}
}
