import { describe, expect, it } from 'vitest';
import { useHarness } from './support/use-harness.js';

/** With REDIS_URL=memory:// (no Redis at all) a single BFF still works and says so in /healthz. */
const h = useHarness({ env: { REDIS_URL: 'memory://' } });

describe('in-process Redis fallback', () => {
  it('reports its mode and keeps sessions and the token cache working', async () => {
    const health = await h.call('GET', '/healthz');
    expect(health.body).toEqual({ ok: true, db: 'ok', redis: 'ok', redisMode: 'memory' });
    const token = await h.loginAs('o_fallback');
    await h.bindPhone(token, '13511112222');
    expect((await h.call('GET', '/api/me', { token })).body.phone).toBe('+8613511112222');
  });
});
