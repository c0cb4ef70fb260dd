export { mnsQueryString, mnsRequestOptions } from './encoding';
export { MNS_BATCH_SIZE, MNS_WAIT_SECONDS } from './inputChecks';
export { decodeMessageBody, parseMnsMessage } from './messages';
export { deleteMessage, receiveMessages } from './queue';
export { mnsRequest } from './request';
export type * from './types';
export type { RequestContext } from '../request';
