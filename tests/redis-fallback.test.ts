import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness.js';

/** With REDIS_URL=memory:// (no Redis at all) a single BFF still works and says so in /healthz. */
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ REDIS_URL: 'memory://' });
});
afterAll(() => h?.close());

describe('in-process Redis fallback', () => {
  it('reports its mode and keeps sessions and the token cache working', async () => {
    const health = await h.call('GET', '/healthz');
    expect(health.body).toEqual({ ok: true, db: 'ok', redis: 'ok', redisMode: 'memory' });
    const token = await h.loginAs('o_fallback');
    await h.bindPhone(token, '13511112222');
    expect((await h.call('GET', '/api/me', { token })).body.phone).toBe('+8613511112222');
  });
});
