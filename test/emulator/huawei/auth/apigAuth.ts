import type { EmulatorRequest, EmulatorResponse } from '../../core/http';
import { apigError } from '../responses';
import { AkLockout } from './akLockout';
import { AUTH_MESSAGE, verifyAksk } from './akskAuth';
import { IamTokens } from './iam';

export type Caller =
	| { ok: true; id: string; projectId?: string }
	| { ok: false; response: EmulatorResponse };

/** APIG's authentication of a call: an IAM token, or an AK/SK signature with lockout. */
export class ApigAuth {
	readonly tokens: IamTokens;
	private readonly lockout: AkLockout;

	constructor(now: () => number) {
		this.tokens = new IamTokens(now);
		this.lockout = new AkLockout(now);
	}

	authenticate(req: EmulatorRequest, requestId: string): Caller {
		const refuse = (message: string): Caller => ({
			ok: false,
			response: apigError(401, 'APIGW.0301', message, requestId),
		});
		const authToken = req.headers['x-auth-token'];
		if (authToken !== undefined) {
			const issued = this.tokens.valid(authToken);
			if (!issued) return refuse(AUTH_MESSAGE.token);
			return { ok: true, id: `token:${issued.token}`, projectId: issued.projectId };
		}
		if (req.headers.authorization === undefined) return refuse(AUTH_MESSAGE.missing);
		const verdict = verifyAksk(req, req.receivedAt);
		if (verdict.accessKeyId !== undefined && this.lockout.isLocked(verdict.accessKeyId))
			return refuse(AUTH_MESSAGE.locked);
		if (!verdict.ok) {
			if (verdict.accessKeyId !== undefined) this.lockout.recordFailure(verdict.accessKeyId);
			return refuse(verdict.message);
		}
		this.lockout.recordSuccess(verdict.accessKeyId);
		return { ok: true, id: verdict.accessKeyId };
	}

	reset(): void {
		this.tokens.reset();
		this.lockout.reset();
	}
}
