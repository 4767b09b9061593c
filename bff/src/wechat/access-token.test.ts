import { describe, expect, it } from 'vitest';
import { useTestRedis } from '../../../tests/support/redis.js';
import { ManualClock } from '../clock.js';
import { AccessTokenCache, type FetchToken } from './access-token.js';

// Real Redis, a key prefix per test; only WeChat's answer is a function here.
const store = useTestRedis('tok');

function instance(fetch: FetchToken, clock = new ManualClock(new Date('2026-11-23T08:00:00Z'))) {
  return new AccessTokenCache(store.connect(), fetch, clock, { appid: 'wx_app', pollMs: 5 });
}

function counter(slowMs = 0) {
  const calls: boolean[] = [];
  const fetch: FetchToken = async (force) => {
    calls.push(force);
    await new Promise((r) => setTimeout(r, slowMs));
    return { token: `tok-${calls.length}`, expiresInSeconds: 7200 };
  };
  return { calls, fetch };
}

describe('AccessTokenCache', () => {
  it('fetches once and serves the cached token after that', async () => {
    const { calls, fetch } = counter();
    const cache = instance(fetch);
    expect(await cache.get()).toBe('tok-1');
    expect(await cache.get()).toBe('tok-1');
    expect(calls).toEqual([false]);
  });

  it('refreshes five minutes before expiry, by the injected clock', async () => {
    const { calls, fetch } = counter();
    const clock = new ManualClock(new Date('2026-11-23T08:00:00Z'));
    const cache = instance(fetch, clock);
    await cache.get();
    clock.advance((7200 - 301) * 1000);
    expect(await cache.get()).toBe('tok-1');
    clock.advance(2000);
    expect(await cache.get()).toBe('tok-2');
    expect(calls).toEqual([false, false]);
  });

  it('lets only one of several instances refresh at a time', async () => {
    const { calls, fetch } = counter(80);
    const instances = Array.from({ length: 6 }, () => instance(fetch));
    const tokens = await Promise.all(instances.flatMap((c) => [c.get(), c.get()]));
    expect(new Set(tokens)).toEqual(new Set(['tok-1']));
    expect(calls).toHaveLength(1);
  });

  it('replaces a token WeChat rejected, forcing a refresh only when a plain fetch gives it back', async () => {
    let current = 'stale';
    const calls: boolean[] = [];
    const cache = instance(async (force) => {
      calls.push(force);
      if (force) current = 'fresh';
      return { token: current, expiresInSeconds: 7200 };
    });
    expect(await cache.get()).toBe('stale');
    expect(await cache.replace('stale')).toBe('fresh');
    expect(calls).toEqual([false, false, true]);
    // Another caller holding the same stale token now gets the fresh one without a fetch.
    expect(await cache.replace('stale')).toBe('fresh');
    expect(calls).toHaveLength(3);
  });

  it('retries a call once on 40001/42001 and reports a second failure as is', async () => {
    const { fetch } = counter();
    const cache = instance(fetch);
    const seen: string[] = [];
    const reply = await cache.withToken(async (token) => {
      seen.push(token);
      return seen.length === 1 ? { errcode: 42001 } : { errcode: 0, ok: token };
    });
    expect(reply).toEqual({ errcode: 0, ok: 'tok-2' });
    expect(seen).toEqual(['tok-1', 'tok-2']);

    let n = 0;
    const failing = await cache.withToken(async () => (n++, { errcode: 40001 }));
    expect([failing.errcode, n]).toEqual([40001, 2]);
  });

  it('releases the lock when the fetch fails, so the next call tries again', async () => {
    let fail = true;
    const cache = instance(async () => {
      if (fail) throw new Error('wechat down');
      return { token: 'ok', expiresInSeconds: 7200 };
    });
    await expect(cache.get()).rejects.toThrow('wechat down');
    fail = false;
    expect(await cache.get()).toBe('ok');
  });
});
