/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets */
/**
 * Identities the emulator accepts. Tests, the e2e harness and the demo import them from here;
 * none of them is a real cloud secret.
 */

export const ALIYUN_REGION = 'cn-shanghai';

export const aliyunAccessKey = {
	accessKeyId: 'LTAI5tEmulatorKey0001',
	accessKeySecret: 'EmulatorAccessKeySecret0001',
};

/** STS temporary credentials: the token must accompany the temporary key id. */
export const aliyunStsKey = {
	accessKeyId: 'STS.EmulatorTemporaryKey01',
	accessKeySecret: 'EmulatorTemporarySecret01',
	securityToken: 'CAISEmulatorSecurityToken+/=01',
};

/** VOD callback AuthKey (upper, lower, digits, at most 32 characters, as VOD requires). */
export const vodCallbackAuthKey = 'EmulatorCallbackKey01';

/** MNS account id used in MNS endpoint hosts. */
export const aliyunAccountId = '1234567890123456';

export const HUAWEI_REGION = 'cn-north-4';
export const huaweiProjectId = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';

export const huaweiAccessKey = {
	accessKeyId: 'HWEMULATORAK00000001',
	secretAccessKey: 'EmulatorHuaweiSecretKey00000000000000001',
};

export const huaweiTemporaryKey = {
	accessKeyId: 'HWEMULATORTEMPAK0001',
	secretAccessKey: 'EmulatorHuaweiTemporarySecret000000001',
	securityToken: 'gQpjbi1ub3J0aC00EmulatorSecurityToken+/=01',
};

export const huaweiIamUser = {
	domainName: 'emulator-domain',
	userName: 'emulator-user',
	password: 'Emulator-Passw0rd!',
};

/** MFS callback authentication key (console "Generate" button in real VOD). */
export const huaweiMfsAuthKey = 'EmulatorMfsAuthKey0001';

/** The data of an `aliyunApi` credential whose VOD, MPS, MNS and OSS endpoints are the emulator. */
export function aliyunApiDataFor(
	emulatorUrl: string,
	signatureVersion: 'v1' | 'v3' = 'v3',
	key: { accessKeyId: string; accessKeySecret: string; securityToken?: string } = aliyunAccessKey,
) {
	return {
		accessKeyId: key.accessKeyId,
		accessKeySecret: key.accessKeySecret,
		securityToken: key.securityToken ?? '',
		regionId: ALIYUN_REGION,
		signatureVersion,
		vodEndpoint: emulatorUrl,
		mpsEndpoint: emulatorUrl,
		mnsEndpoint: emulatorUrl,
		ossEndpoint: emulatorUrl,
	};
}
