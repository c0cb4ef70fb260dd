import { aliyunAccessKey, aliyunStsKey } from '../../accounts';

export interface AliyunKey {
	accessKeyId: string;
	accessKeySecret: string;
	/** Set for STS temporary keys: requests must carry exactly this token. */
	securityToken?: string;
}

const KNOWN_KEYS: readonly AliyunKey[] = [aliyunAccessKey, aliyunStsKey];

export function findAliyunKey(accessKeyId: string): AliyunKey | undefined {
	return KNOWN_KEYS.find((key) => key.accessKeyId === accessKeyId);
}
