import type { ProviderErrorTable } from '../kinds';
import { ALIYUN_ERRORS } from './aliyun';
import { HUAWEI_ERRORS } from './huawei';
import { MNS_ERRORS } from './mns';
import { OSS_ERRORS } from './oss';

export { MNS_REQUEST_ID_HEADER } from './mns';

/** One code table per provider: a new provider is its own file plus one line here. */
const PROVIDER_ERRORS = {
	aliyun: ALIYUN_ERRORS,
	mns: MNS_ERRORS,
	oss: OSS_ERRORS,
	huawei: HUAWEI_ERRORS,
} as const satisfies Record<string, ProviderErrorTable>;

export type ErrorProvider = keyof typeof PROVIDER_ERRORS;

export function providerErrors(provider: ErrorProvider): ProviderErrorTable {
	return PROVIDER_ERRORS[provider];
}
