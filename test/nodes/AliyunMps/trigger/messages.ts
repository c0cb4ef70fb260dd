import { decodeMessageBody, type MnsMessage } from '../../../../nodes/shared/transport/mns';

/** A received message whose MessageBody is `raw`, decoded as the MNS client decodes it. */
export function received(raw: string, id = 'M1', enqueueTime = 1): MnsMessage {
	return {
		MessageId: id,
		ReceiptHandle: `1-${id}+/8=`,
		MessageBody: raw,
		EnqueueTime: enqueueTime,
		DequeueCount: 1,
		...decodeMessageBody(raw),
	};
}

/** The documented success sample of aliyun.md §h (both casings). */
export const DOC_SUCCESS = {
	jobId: '8f91f1b630f3469eb5ecf445028f0001',
	JobId: '8f91f1b630f3469eb5ecf445028f0001',
	Type: 'Snapshot',
	userData: '{}',
	UserData: '{}',
	State: 'Success',
	state: 'Success',
	type: 'Snapshot',
	LastUrl: 'http://example.oss-cn-shanghai.aliyuncs.com/example_output/V4/Async-V2-00005.jpg',
	TimeArray: [10050, 50000, 110000, 1000500, 1100500],
	UrlPattern: 'http://example.oss-cn-shanghai.aliyuncs.com/example_output/V4/Async-V2-{Count}.jpg',
	Count: 5,
};
