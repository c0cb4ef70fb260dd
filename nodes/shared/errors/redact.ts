/**
 * Aliyun's SignatureDoesNotMatch message ends with "server string to sign is:" and the whole string
 * to sign, which carries the STS SecurityToken (percent-encoded, so no `=` to match on); it is only
 * useful to compare with our own, which the user cannot see, so it is dropped.
 */
const STRING_TO_SIGN_ECHO = /(server string to sign is:).*/is;

/** Drops anything that looks like a signature, token or authorization value n8n may echo. */
export function redactSecrets(text: string): string {
	return text
		.replace(STRING_TO_SIGN_ECHO, '$1 [omitted]')
		.replace(/(Signature|SecurityToken|AccessKeySecret)=[^&\s"']+/gi, '$1=[redacted]')
		.replace(
			/(Authorization|X-Security-Token|X-Auth-Token)(["']?\s*[:=]\s*["']?)[^"',\n]+/gi,
			'$1$2[redacted]',
		);
}
