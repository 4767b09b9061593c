import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTestRedis } from '../../../tests/support/redis.js';
import { ManualClock } from '../clock.js';
import { SessionStore } from './session-store.js';

// Real Redis, a key prefix per test.
const store = useTestRedis('sess');
let redis: Redis;
const DAY = 86_400;
beforeEach(() => {
  redis = store.connect();
});

describe('SessionStore (issue 6 item 7)', () => {
  it('renews by use, but never past the absolute lifetime counted from login', async () => {
    const clock = new ManualClock(new Date('2026-11-01T00:00:00Z'));
    const store = new SessionStore(redis, { ttlSeconds: 7 * DAY, maxAgeSeconds: 30 * DAY }, clock);
    const token = await store.create({ userId: 'u1', openid: 'o1' }, 'sk');
    // Used every few days for four weeks: alive, and renewed each time.
    for (let day = 3; day <= 27; day += 3) {
      clock.advance(3 * DAY * 1000);
      expect(await store.touch(token), `day ${day}`).not.toBeNull();
    }
    // Day 29: one day left of its life, so the renewal stops at the absolute end.
    clock.advance(2 * DAY * 1000);
    expect(await store.touch(token)).not.toBeNull();
    const sessKey = `sess:${createHash('sha256').update(token).digest('base64url')}`;
    expect(await redis.ttl(sessKey)).toBeGreaterThan(DAY - 5);
    expect(await redis.ttl(sessKey)).toBeLessThanOrEqual(DAY);
    // Day 30 and a minute: gone, and out of the user's index.
    clock.advance(DAY * 1000 + 60_000);
    expect(await store.touch(token)).toBeNull();
    expect(await redis.smembers('user-sess:u1')).toEqual([]);
  });

  it('renews the user index and the WeChat session_key together with the session', async () => {
    const clock = new ManualClock();
    const store = new SessionStore(redis, { ttlSeconds: 7 * DAY, maxAgeSeconds: 30 * DAY }, clock);
    const token = await store.create({ userId: 'u2', openid: 'o2' }, 'sk');
    await redis.expire(`sess:${createHash('sha256').update(token).digest('base64url')}`, 5); // nearly expired, so renewed
    await redis.expire('user-sess:u2', 5);
    await redis.expire('wx-session-key:u2', 5);
    await store.touch(token);
    expect(await redis.ttl('user-sess:u2')).toBeGreaterThan(7 * DAY - 5);
    expect(await redis.ttl('wx-session-key:u2')).toBeGreaterThan(7 * DAY - 5);
  });

  it('revokes every session of a user at once', async () => {
    const store = new SessionStore(redis, { ttlSeconds: 7 * DAY, maxAgeSeconds: 30 * DAY }, new ManualClock());
    const a = await store.create({ userId: 'u3', openid: 'o3' }, 'sk');
    const b = await store.create({ userId: 'u3', openid: 'o3' }, 'sk');
    expect(await store.revokeAll('u3')).toBe(2);
    expect(await store.touch(a)).toBeNull();
    expect(await store.touch(b)).toBeNull();
    expect(await redis.exists('wx-session-key:u3')).toBe(0);
  });
});
