import { AliyunApi } from '../../credentials/AliyunApi.credentials';
import type { AliyunSigningContext } from '../../credentials/common/aliyun/requestSigner';

/** The `aliyunApi` credential with its clock and nonce pinned, to replay signing vectors. */
export class PinnedAliyunApi extends AliyunApi {
	constructor(private readonly pinned: AliyunSigningContext) {
		super();
	}

	protected override signingContext(): AliyunSigningContext {
		return this.pinned;
	}
}
