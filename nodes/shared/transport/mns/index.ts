export { mnsRequestOptions } from './encoding';
export { decodeMessageBody } from './messages';
export { deleteMessage, receiveMessages } from './queue';
export { mnsRequest } from './request';
export type * from './types';
export type { RequestContext } from '../request';
