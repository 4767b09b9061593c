import { describe, expect, it } from 'vitest';
import { messageSignature } from './signature.js';
import { ZSigned } from './message-push.js';
import { DOCUMENTED_PUSH } from '../wechat/samples/message-push.js';

describe('messageSignature: WeChat’s message-push signature', () => {
  it('reproduces the signature of WeChat’s own documented example, whose query our schema accepts', () => {
    const query = Object.fromEntries(new URL(DOCUMENTED_PUSH.url).searchParams);
    expect(messageSignature(DOCUMENTED_PUSH.token, query.timestamp!, query.nonce!)).toBe(query.signature);
    expect(ZSigned.parse(query)).toMatchObject({ timestamp: '1714036504', nonce: '1514711492' });
  });
});
