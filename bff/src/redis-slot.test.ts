import { createRequire } from 'node:module';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { assertOneSlot, crc16, hashTag, keySlot } from './redis-slot.js';
import { redisScript } from './redis.js';
import { sessionKey, userSessionsKey, wechatSessionKeyKey } from './auth/session-store.js';
import { residentCommunitiesKey } from './units/resident-cache.js';
import { genKey, readsKey } from './notices/cache.js';

// ioredis's own slot function (its dependency `cluster-key-slot`), as the oracle our copy must agree with.
const clusterKeySlot = createRequire(import.meta.url)('cluster-key-slot') as (key: string) => number;

describe('Redis Cluster key slots (redis-slot.ts)', () => {
  it('is the CRC16 and the hash tag rule of the cluster specification', () => {
    // The specification's reference value: CRC16-XMODEM of "123456789" is 0x31C3.
    expect(crc16(Buffer.from('123456789'))).toBe(0x31c3);
    // Its examples of hash tags.
    expect(hashTag('{user1000}.following')).toBe('user1000');
    expect(hashTag('foo{}{bar}')).toBeNull();
    expect(hashTag('foo{{bar}}zap')).toBe('{bar');
    expect(hashTag('foo{bar}{zap}')).toBe('bar');
    expect(keySlot('{user1000}.following')).toBe(keySlot('{user1000}.followers'));
    for (let i = 0; i < 500; i++) {
      const key = `${randomBytes(4).toString('hex')}${i % 3 ? `{${randomUUID()}}` : ''}:${i}`;
      expect(keySlot(key), key).toBe(clusterKeySlot(key));
    }
  });

  it("keeps each Lua script's and transaction's keys in one slot, for any user and community", () => {
    for (let i = 0; i < 50; i++) {
      const user = randomUUID();
      // notices/cache.ts noticeUserView; auth/session-store.ts: the per-user transactions.
      expect(() => assertOneSlot('noticeUserView', [residentCommunitiesKey(user), readsKey(user)])).not.toThrow();
      expect(() => assertOneSlot('sessions', [userSessionsKey(user), wechatSessionKeyKey(user)])).not.toThrow();
      expect(keySlot(readsKey(user))).toBe(keySlot(residentCommunitiesKey(user)));
      // Single-key scripts (noticeGeneration, deskTicketMove, the rate limiter's): one key is one slot.
      expect(() => assertOneSlot('noticeGeneration', [genKey(randomUUID())])).not.toThrow();
    }
    // What must NOT share a transaction: a session is found by its token, not by its user.
    expect(() => assertOneSlot('session', [sessionKey('h'), userSessionsKey(randomUUID())])).toThrow(/hash tag/);
  });

  it('refuses keys bound to one slot only by chance, or of different tags', () => {
    expect(() => assertOneSlot('x', ['a{1}', 'b{2}'])).toThrow(/not bound to one Redis Cluster slot/);
    expect(() => assertOneSlot('x', ['a', 'b'])).toThrow();
    // Two keys without a tag in the same slot today would part under another key prefix.
    const [a, b] = findCollision();
    expect(keySlot(a)).toBe(keySlot(b));
    expect(() => assertOneSlot('x', [a, b])).toThrow();
    expect(() => assertOneSlot('x', ['same', 'same'])).not.toThrow();
  });

  it('a script whose keys fall in different slots fails before it reaches Redis', async () => {
    const script = redisScript<string>('crossSlot', 2, 'return 1');
    const untouchable = new Proxy({} as Redis, {
      get() {
        throw new Error('Redis was called');
      },
    });
    await expect(async () => script(untouchable, 'notices:gen:a', 'notices:gen:b')).rejects.toThrow(
      /Lua script crossSlot: keys .* not bound to one Redis Cluster slot/,
    );
  });
});

function findCollision(): [string, string] {
  const seen = new Map<number, string>();
  for (let i = 0; ; i++) {
    const key = `k${i}`;
    const slot = keySlot(key);
    const other = seen.get(slot);
    if (other) return [other, key];
    seen.set(slot, key);
  }
}
