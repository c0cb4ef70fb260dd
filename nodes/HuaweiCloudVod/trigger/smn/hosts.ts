/**
 * Where SMN's own URLs may point. Signing certificates live on the region's SMN endpoint
 * (`https://smn.<region>.myhuaweicloud.com/smn/…pem`); confirmation links on that endpoint or on
 * the console (`https://console.huaweicloud.com/smn/subscription/confirm?…`, huawei.md §6.4).
 */
const SMN_ENDPOINT_HOST = /^smn\.[a-z]{2}(-[a-z]+)+-\d+\.myhuaweicloud\.(com|eu)$/;
const CONSOLE_HOSTS = ['console.huaweicloud.com', 'console-intl.huaweicloud.com'];

export type SmnUrlPurpose = 'certificate' | 'subscription';

export type SmnUrlProblem = 'invalidUrl' | 'notHttps' | 'foreignHost' | 'notCertificatePath';

function parsedUrl(value: string): URL | undefined {
	return URL.canParse(value) ? new URL(value) : undefined;
}

function isHuaweiHost(host: string, purpose: SmnUrlPurpose): boolean {
	if (SMN_ENDPOINT_HOST.test(host)) return true;
	return purpose === 'subscription' && CONSOLE_HOSTS.includes(host);
}

/**
 * Why the trigger may not fetch this URL, or undefined when it may: HTTPS only, no user info,
 * and a Huawei SMN host (on the default port) or one of `extraHosts` (`host[:port]`, exact).
 */
export function smnUrlProblem(
	value: string,
	purpose: SmnUrlPurpose,
	extraHosts: readonly string[],
): SmnUrlProblem | undefined {
	const url = parsedUrl(value);
	if (url === undefined || url.username !== '' || url.password !== '') return 'invalidUrl';
	if (url.protocol !== 'https:') return 'notHttps';
	const host = url.host.toLowerCase();
	if (!isHuaweiHost(host, purpose) && !extraHosts.includes(host)) return 'foreignHost';
	// Certificates are `.pem` files without a query: any other URL is not one SMN serves, and each
	// distinct one would cost a download before any signature check.
	const isPem = url.pathname.toLowerCase().endsWith('.pem') && url.search === '';
	return purpose === 'certificate' && !isPem ? 'notCertificatePath' : undefined;
}
