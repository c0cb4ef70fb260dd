import { randomBytes } from 'node:crypto';

import { HUAWEI_REGION, huaweiIamUser, huaweiProjectId } from '../../accounts';

/** IAM identity the emulator's accounts belong to (ids are the emulator's own). */
export const HUAWEI_DOMAIN_ID = '9f8e7d6c5b4a39281706f5e4d3c2b1a0';
export const HUAWEI_USER_ID = '1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f';

export const TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;

interface NamedRef {
	id: string;
	name: string;
}

export interface TokenProject extends NamedRef {
	domain: NamedRef;
}

export interface TokenBody {
	token: {
		expires_at: string;
		issued_at: string;
		methods: string[];
		catalog: [];
		roles: Array<{ id: string; name: string }>;
		project?: TokenProject;
		domain?: NamedRef;
		user: NamedRef & { domain: NamedRef; password_expires_at: string };
	};
}

/** Keystone-style error body, which IAM uses for /v3 (huawei.md 2). */
export interface KeystoneErrorBody {
	error: { code: number; message: string; title: string };
}

export interface ProjectsBody {
	projects: Array<{
		id: string;
		name: string;
		domain_id: string;
		parent_id: string;
		enabled: boolean;
		is_domain: boolean;
		description: string;
	}>;
	links: { self: string; previous: null; next: null };
}

export interface IssuedToken {
	token: string;
	expiresAt: number;
	/** Project the token is scoped to; undefined for domain-scoped or unscoped tokens. */
	projectId?: string;
}

export interface IamResult {
	status: number;
	body: TokenBody | KeystoneErrorBody | ProjectsBody;
	headers?: Record<string, string>;
}

const DOMAIN: NamedRef = { id: HUAWEI_DOMAIN_ID, name: huaweiIamUser.domainName };
const PROJECT: TokenProject = { id: huaweiProjectId, name: HUAWEI_REGION, domain: DOMAIN };

function keystoneError(code: number, title: string, message: string): IamResult {
	return { status: code, body: { error: { code, message, title } } };
}

/** IAM time format: microseconds, as in "2026-11-23T03:08:18.123000Z". */
function iamTime(ms: number): string {
	return new Date(ms).toISOString().replace('Z', '000Z');
}

function field(source: unknown, ...path: string[]): unknown {
	let value = source;
	for (const key of path) {
		if (typeof value !== 'object' || value === null) return undefined;
		value = (value as Record<string, unknown>)[key];
	}
	return value;
}

export class IamTokens {
	private readonly tokens = new Map<string, IssuedToken>();
	private lifetimeMs = TOKEN_LIFETIME_MS;

	constructor(private readonly now: () => number) {}

	/** The token if it was issued here and has not expired. */
	valid(token: string): IssuedToken | undefined {
		const issued = this.tokens.get(token);
		return issued && issued.expiresAt > this.now() ? issued : undefined;
	}

	/** Lifetime of the tokens issued from now on (default 24 hours). */
	setLifetime(ms: number): void {
		this.lifetimeMs = ms;
	}

	reset(): void {
		this.tokens.clear();
		this.lifetimeMs = TOKEN_LIFETIME_MS;
	}

	/** POST /v3/auth/tokens with the password method. */
	createToken(body: Buffer): IamResult {
		let request: unknown;
		try {
			request = JSON.parse(body.toString('utf8'));
		} catch (error) {
			return keystoneError(400, 'Bad Request', `The request body is not JSON: ${String(error)}`);
		}
		const methods = field(request, 'auth', 'identity', 'methods');
		const user = field(request, 'auth', 'identity', 'password', 'user');
		if (!Array.isArray(methods) || !methods.includes('password') || user === undefined) {
			return keystoneError(
				400,
				'Bad Request',
				'The request you have made requires authentication.',
			);
		}
		if (
			field(user, 'name') !== huaweiIamUser.userName ||
			field(user, 'password') !== huaweiIamUser.password ||
			field(user, 'domain', 'name') !== huaweiIamUser.domainName
		) {
			return keystoneError(401, 'Unauthorized', 'The username or password is wrong.');
		}
		const scopeProject = field(request, 'auth', 'scope', 'project');
		const scopeDomain = field(request, 'auth', 'scope', 'domain');
		let project: TokenProject | undefined;
		if (scopeProject !== undefined) {
			const byName = field(scopeProject, 'name');
			const byId = field(scopeProject, 'id');
			if (byName !== PROJECT.name && byId !== PROJECT.id) {
				return keystoneError(400, 'Bad Request', 'The project in the scope could not be found.');
			}
			project = PROJECT;
		}
		const issuedAt = this.now();
		const issued: IssuedToken = {
			token: `MIIEmulator${randomBytes(48).toString('base64url')}`,
			expiresAt: issuedAt + this.lifetimeMs,
			projectId: project?.id,
		};
		this.tokens.set(issued.token, issued);
		const response: TokenBody = {
			token: {
				expires_at: iamTime(issued.expiresAt),
				issued_at: iamTime(issuedAt),
				methods: ['password'],
				catalog: [],
				roles: [{ id: '0', name: 'op_service' }],
				...(project ? { project } : {}),
				...(scopeDomain !== undefined && !project ? { domain: DOMAIN } : {}),
				user: {
					id: HUAWEI_USER_ID,
					name: huaweiIamUser.userName,
					domain: DOMAIN,
					password_expires_at: '',
				},
			},
		};
		return { status: 201, body: response, headers: { 'x-subject-token': issued.token } };
	}
}

/** GET /v3/projects?name=<region>. */
export function listProjects(query: URLSearchParams, baseUrl: string): IamResult {
	const name = query.get('name');
	const projects =
		name === null || name === PROJECT.name
			? [
					{
						id: PROJECT.id,
						name: PROJECT.name,
						domain_id: HUAWEI_DOMAIN_ID,
						parent_id: HUAWEI_DOMAIN_ID,
						enabled: true,
						is_domain: false,
						description: '',
					},
				]
			: [];
	const body: ProjectsBody = {
		projects,
		links: { self: `${baseUrl}/v3/projects`, previous: null, next: null },
	};
	return { status: 200, body };
}
