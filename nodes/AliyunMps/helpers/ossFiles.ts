import type { OssObjectRef } from '../../../credentials/common/aliyun/ossLinks';
import type { MpsOssFile } from '../transport/types';

/** An OSS object as the user gives it: bucket, `oss-<region>` location, the key as typed. */
export type OssFileInput = OssObjectRef;

const LOCATION = /^oss-[a-z0-9]+(-[a-z0-9]+)*$/;
const OSS_HOST =
	/^([a-z0-9][a-z0-9-]{1,61}[a-z0-9])\.(oss-[a-z0-9-]+?)(-internal)?\.aliyuncs\.com$/;

/** The %-escapes decoded; undefined when one is malformed (a lone `%` or broken UTF-8). */
function decodedKey(encoded: string): string | undefined {
	try {
		return decodeURIComponent(encoded);
	} catch {
		return undefined;
	}
}

/**
 * `https://<bucket>.oss-<region>[-internal].aliyuncs.com/<key>` split into bucket, location and
 * the decoded key; a message naming the field when it is not such a URL.
 */
export function parseOssUrl(field: string, url: string): OssFileInput | string {
	const wrong = `${field} must be an OSS object URL like https://<bucket>.oss-<region>.aliyuncs.com/<object> (got "${url}")`;
	if (!URL.canParse(url)) return wrong;
	const parsed = new URL(url);
	const host = OSS_HOST.exec(parsed.hostname);
	if (!host || !/^https?:$/.test(parsed.protocol)) return wrong;
	const object = decodedKey(parsed.pathname.slice(1));
	if (object === undefined)
		return `${field} has a malformed %-escape in its object key (got "${url}")`;
	if (object === '') return wrong;
	return { bucket: host[1], location: host[2], object };
}

/**
 * Bucket and object present, location `oss-<region>`; for the input, the credential's region
 * (MPS refuses input from another region).
 */
export function ossFileProblem(
	label: string,
	file: OssFileInput,
	regionId?: string,
): string | undefined {
	if (file.bucket === '') return `${label} Bucket is required`;
	if (file.object === '') return `${label} Object is required`;
	if (!LOCATION.test(file.location))
		return `${label} Location must be the OSS region id oss-<region>, e.g. oss-cn-shanghai (got "${file.location}")`;
	if (regionId !== undefined && file.location !== `oss-${regionId}`)
		return `${label} Location is ${file.location}, but the credential's region is ${regionId}: MPS only reads input from a bucket in its own region (oss-${regionId})`;
	return undefined;
}

/** As MPS takes it: the key URL-encoded (UTF-8), `{Count}` included. */
export function toMpsOssFile(file: OssFileInput): MpsOssFile {
	return { Bucket: file.bucket, Location: file.location, Object: encodeURIComponent(file.object) };
}

/** As MPS echoes it, with the key decoded once; undefined when a part is missing or malformed. */
export function fromMpsOssFile(file: MpsOssFile | undefined): OssFileInput | undefined {
	if (!file?.Bucket || !file.Location || !file.Object) return undefined;
	const object = decodedKey(file.Object);
	return object === undefined
		? undefined
		: { bucket: file.Bucket, location: file.Location, object };
}
