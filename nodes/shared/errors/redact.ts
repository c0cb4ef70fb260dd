/**
 * A gateway's echo of what it signed: Aliyun RPC V1 "server string to sign is:", V3 "Server
 * canonical request is:", MNS "Server string to sign is:", APIG "CanonicalRequest"/"StringToSign".
 * It carries the STS token and any request parameter (a callback AuthKey), percent-encoded once or
 * twice, and is only useful beside our own, which the user cannot see: everything from the marker
 * to the end of the text is dropped.
 */
const SIGNED_TEXT_ECHO =
	/((?:server\s+)?(?:canonical[\s_-]?request|string[\s_-]?to[\s_-]?sign)(?:\s+is)?\s*["']?\s*[:=]).*/is;

/** Headers and parameters whose value is a credential, a token or a signature, longest first. */
const SECRET_NAMES = [
	'x-acs-security-token',
	'x-oss-security-token',
	'x-mns-security-token',
	'x-security-token',
	'x-subject-token',
	'x-auth-token',
	'security-token',
	'security_token',
	'SecurityToken',
	'AccessKeySecret',
	'SecretAccessKey',
	'secret_access_key',
	'OSSAccessKeyId',
	'Authorization',
	'Signature',
	'AuthKey',
	'auth_key',
	'password',
];

const NAME = `(${SECRET_NAMES.map((name) => name.replace(/[-_]/g, '[-_]')).join('|')})`;

/** `name=value`, `name: value`, `"name":"value"`, `name%3Dvalue` (once or twice encoded). */
const NAMED_SECRET = new RegExp(
	`${NAME}(["']?\\s*(?:[:=]|%3[AD]|%253[AD])\\s*["']?)(?:(?!%26|%2526)[^&\\s"',;<])+`,
	'gi',
);

/** `<AuthKey>value</AuthKey>` in an XML answer; the value may hold spaces. */
const XML_SECRET = new RegExp(`<${NAME}>[^<]*</`, 'gi');

/** `"name":"value"` in JSON: the whole quoted value, spaces, commas and escaped quotes included. */
const QUOTED_SECRET = new RegExp(`${NAME}("\\s*:\\s*")(?:[^"\\\\]|\\\\.)*"`, 'gi');

/** An Authorization value runs over spaces (`ACS3-HMAC-SHA256 Credential=…`, `MNS id:sig`). */
const AUTHORIZATION_VALUE = /(Authorization["']?\s*[:=]\s*["']?)[^"'\n]+/gi;

/** Drops echoed signed text and every credential-bearing header or parameter value. */
export function redactSecrets(text: string): string {
	return text
		.replace(SIGNED_TEXT_ECHO, '$1 [omitted]')
		.replace(XML_SECRET, '<$1>[redacted]</')
		.replace(QUOTED_SECRET, '$1$2[redacted]"')
		.replace(AUTHORIZATION_VALUE, '$1[redacted]')
		.replace(NAMED_SECRET, '$1$2[redacted]');
}
