import { createHash } from 'node:crypto';

/** One stored object, as GetObject / HeadObject / ListObjectsV2 describe it. */
export interface OssObject {
	key: string;
	body: Buffer;
	contentType: string;
	lastModified: number;
	etag: string;
}

export interface OssBucket {
	name: string;
	/** `oss-<region>`. */
	location: string;
	objects: Map<string, OssObject>;
}

export interface ListPage {
	objects: OssObject[];
	prefixes: string[];
	nextStartAfter?: string;
}

/** Buckets and their objects: what MPS "writes" and tests put. */
export class OssStore {
	private readonly buckets = new Map<string, OssBucket>();

	bucket(name: string): OssBucket | undefined {
		return this.buckets.get(name);
	}

	ensureBucket(name: string, location: string): OssBucket {
		let bucket = this.buckets.get(name);
		if (!bucket) {
			bucket = { name, location, objects: new Map() };
			this.buckets.set(name, bucket);
		}
		return bucket;
	}

	put(
		bucketName: string,
		location: string,
		key: string,
		body: Buffer,
		now: number,
		contentType = 'image/jpeg',
	): OssObject {
		const object: OssObject = {
			key,
			body,
			contentType,
			lastModified: now,
			etag: `"${createHash('md5').update(body).digest('hex').toUpperCase()}"`,
		};
		this.ensureBucket(bucketName, location).objects.set(key, object);
		return object;
	}

	delete(bucketName: string, key: string): boolean {
		return this.buckets.get(bucketName)?.objects.delete(key) ?? false;
	}

	keys(bucketName: string): string[] {
		return [...(this.buckets.get(bucketName)?.objects.keys() ?? [])].sort();
	}

	/** Keys after `startAfter` with `prefix`, rolled up at `delimiter`, at most `maxKeys` entries. */
	list(
		bucket: OssBucket,
		options: { prefix: string; delimiter: string; startAfter: string; maxKeys: number },
	): ListPage {
		const objects: OssObject[] = [];
		const prefixes: string[] = [];
		let last: string | undefined;
		const sorted = [...bucket.objects.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
		for (const object of sorted) {
			const { key } = object;
			if (!key.startsWith(options.prefix) || key <= options.startAfter) continue;
			// A common prefix handed out on the previous page covers every key under it.
			if (
				options.delimiter !== '' &&
				options.startAfter.endsWith(options.delimiter) &&
				key.startsWith(options.startAfter)
			)
				continue;
			const rest = key.slice(options.prefix.length);
			const cut = options.delimiter === '' ? -1 : rest.indexOf(options.delimiter);
			const common =
				cut === -1 ? undefined : options.prefix + rest.slice(0, cut + options.delimiter.length);
			if (common !== undefined && prefixes.includes(common)) continue;
			if (objects.length + prefixes.length === options.maxKeys)
				return { objects, prefixes, nextStartAfter: last };
			if (common === undefined) objects.push(object);
			else prefixes.push(common);
			last = common ?? key;
		}
		return { objects, prefixes };
	}

	clear(): void {
		this.buckets.clear();
	}
}
