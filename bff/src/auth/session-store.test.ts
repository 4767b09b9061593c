import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTestRedis } from '../../../tests/support/redis.js';
import { ManualClock } from '../clock.js';
import { legacyUserSessionsKey, SessionStore, userSessionsKey, wechatSessionKeyKey } from './session-store.js';

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
    expect(await redis.smembers(userSessionsKey('u1'))).toEqual([]);
  });

  it('renews the user index and the WeChat session_key together with the session, at most once a minute', async () => {
    const clock = new ManualClock();
    const store = new SessionStore(redis, { ttlSeconds: 7 * DAY, maxAgeSeconds: 30 * DAY }, clock);
    const token = await store.create({ userId: 'u2', openid: 'o2' }, 'sk');
    const sessKey = `sess:${createHash('sha256').update(token).digest('base64url')}`;
    const runDown = () =>
      Promise.all([sessKey, userSessionsKey('u2'), wechatSessionKeyKey('u2')].map((k) => redis.expire(k, 5)));
    // Used again within the minute after its login: nothing written (the TTLs stay run down).
    await runDown();
    clock.advance(59_000);
    expect(await store.touch(token)).not.toBeNull();
    expect(await redis.ttl(sessKey)).toBeLessThanOrEqual(5);
    // A minute on: all three renewed.
    clock.advance(1_000);
    expect(await store.touch(token)).not.toBeNull();
    for (const key of [sessKey, userSessionsKey('u2'), wechatSessionKeyKey('u2')])
      expect(await redis.ttl(key), key).toBeGreaterThan(7 * DAY - 5);
    // And the next minute's uses write nothing again.
    await runDown();
    clock.advance(30_000);
    await store.touch(token);
    expect(await redis.ttl(sessKey)).toBeLessThanOrEqual(5);
  });

  it('a renewal never brings back a session revoked after it was read', async () => {
    const clock = new ManualClock();
    const store = new SessionStore(redis, { ttlSeconds: 7 * DAY, maxAgeSeconds: 30 * DAY }, clock);
    const token = await store.create({ userId: 'u4', openid: 'o4' }, 'sk');
    const sessKey = `sess:${createHash('sha256').update(token).digest('base64url')}`;
    clock.advance(120_000); // due for renewal
    // The session is revoked (on another instance) right after this request read it.
    const get = redis.get.bind(redis);
    redis.get = (async (key: string) => {
      redis.get = get;
      const value = await get(key);
      await store.revoke(token);
      return value;
    }) as typeof redis.get;
    expect(await store.touch(token)).not.toBeNull(); // this request was already let in
    expect(await redis.exists(sessKey)).toBe(0);
    expect(await store.touch(token)).toBeNull();
  });

  it('a revocation that overtakes a read is not undone by the instance keeping what it read', async () => {
    const store = new SessionStore(redis, { ttlSeconds: 7 * DAY, maxAgeSeconds: 30 * DAY }, new ManualClock());
    const token = await store.create({ userId: 'u7', openid: 'o7' }, 'sk');
    const get = redis.get.bind(redis);
    redis.get = (async (key: string) => {
      redis.get = get;
      const value = await get(key);
      await store.revoke(token); // on this instance, while the read was on its way back
      return value;
    }) as typeof redis.get;
    expect(await store.touch(token)).not.toBeNull(); // this request was already let in
    expect(await store.touch(token)).toBeNull();
  });

  it('revokes every session of a user at once', async () => {
    const store = new SessionStore(redis, { ttlSeconds: 7 * DAY, maxAgeSeconds: 30 * DAY }, new ManualClock());
    const a = await store.create({ userId: 'u3', openid: 'o3' }, 'sk');
    const b = await store.create({ userId: 'u3', openid: 'o3' }, 'sk');
    expect(await store.touch(a)).not.toBeNull(); // now held by this instance too
    expect(await store.touch(b)).not.toBeNull();
    expect(await store.revokeAll('u3')).toBe(2);
    expect(await store.touch(a)).toBeNull();
    expect(await store.touch(b)).toBeNull();
    expect(await redis.exists(wechatSessionKeyKey('u3'))).toBe(0);
  });

  it('also revokes sessions listed under the index name of before the hash tag (created before that release)', async () => {
    const store = new SessionStore(redis, { ttlSeconds: 7 * DAY, maxAgeSeconds: 30 * DAY }, new ManualClock());
    const older = await store.create({ userId: 'u8', openid: 'o8' }, 'sk');
    const h = createHash('sha256').update(older).digest('base64url');
    // As the previous release left it: listed only under `user-sess:u8`.
    await redis.srem(userSessionsKey('u8'), h);
    await redis.sadd(legacyUserSessionsKey('u8'), h);
    const newer = await store.create({ userId: 'u8', openid: 'o8' }, 'sk');
    expect(await store.revokeAll('u8')).toBe(2);
    expect(await store.touch(older)).toBeNull();
    expect(await store.touch(newer)).toBeNull();
    expect(await redis.exists(legacyUserSessionsKey('u8'))).toBe(0);
  });

  it('reads Redis once per session and second on an instance; revoked here at once, elsewhere within that second', async () => {
    const clock = new ManualClock();
    const here = new SessionStore(redis, { ttlSeconds: 7 * DAY, maxAgeSeconds: 30 * DAY }, clock, undefined, 200);
    const elsewhere = new SessionStore(redis, { ttlSeconds: 7 * DAY, maxAgeSeconds: 30 * DAY }, clock, undefined, 200);
    const [mine, theirs] = [
      await here.create({ userId: 'u5', openid: 'o5' }, 'sk'),
      await here.create({ userId: 'u6', openid: 'o6' }, 'sk'),
    ];
    const get = redis.get.bind(redis);
    let reads = 0;
    redis.get = ((key: string) => ((reads += 1), get(key))) as typeof redis.get;
    for (let i = 0; i < 20; i++) expect(await here.touch(mine)).toMatchObject({ userId: 'u5' });
    expect(reads).toBe(1);
    await new Promise((r) => setTimeout(r, 250));
    expect(await here.touch(mine)).not.toBeNull();
    expect(reads).toBe(2);

    // Revoked on this instance: refused at once.
    await here.revoke(mine);
    expect(await here.touch(mine)).toBeNull();
    // Revoked on another: this instance's copy lives out its fraction of a second, then is refused.
    expect(await here.touch(theirs)).not.toBeNull();
    await elsewhere.revoke(theirs);
    expect(await here.touch(theirs)).not.toBeNull();
    await new Promise((r) => setTimeout(r, 250));
    expect(await here.touch(theirs)).toBeNull();
    redis.get = get;
  });
});
