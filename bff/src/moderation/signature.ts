import { createHash } from 'node:crypto';

/** WeChat's message-push signature: sha1 of [token, timestamp, nonce] sorted and joined (docs/wechat.md §7). */
export const messageSignature = (token: string, timestamp: string, nonce: string) =>
  createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');
