import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TEST_APPID } from './support/harness.js';
import { useHarness } from './support/use-harness.js';
import { cn, uniquePhone } from './support/factories/index.js';
import { scanKeys } from './support/redis-keys.js';

const h = useHarness();

describe('POST /api/auth/login', () => {
  it('logs in with a code minted for a WeChat user and creates the user once', async () => {
    const openid = 'o_login_first';
    const first = await h.call('POST', '/api/auth/login', { body: { code: await h.mintLoginCode(openid) } });
    expect(first.status).toBe(200);
    expect(first.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.body.user.hasPhone).toBe(false);
    expect(JSON.stringify(first.body)).not.toMatch(/session_key|sessionKey/);

    const second = await h.call('POST', '/api/auth/login', { body: { code: await h.mintLoginCode(openid) } });
    expect(second.body.user.id).toBe(first.body.user.id);
    expect(second.body.token).not.toBe(first.body.token);
    const identities = await h.db.wechatIdentity.findMany({ where: { openid } });
    expect(identities).toHaveLength(1);
    expect(identities[0]!.appid).toBe(TEST_APPID);
  });

  it('refuses a code that was already used, as WeChat does', async () => {
    const code = await h.mintLoginCode('o_reuse');
    expect((await h.call('POST', '/api/auth/login', { body: { code } })).status).toBe(200);
    const again = await h.call('POST', '/api/auth/login', { body: { code } });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('WECHAT_CODE_USED');
    expect(again.body.message).toMatch(/已被使用/);
  });

  it('refuses an unknown code and a code older than five minutes', async () => {
    const unknown = await h.call('POST', '/api/auth/login', { body: { code: 'never-minted' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('WECHAT_CODE_INVALID');

    const code = await h.mintLoginCode('o_slow');
    await h.sim('/sim/clock', { advanceMs: 5 * 60_000 + 1000 });
    try {
      const late = await h.call('POST', '/api/auth/login', { body: { code } });
      expect(late.body.code).toBe('WECHAT_CODE_INVALID');
    } finally {
      await h.sim('/sim/clock', { advanceMs: -(5 * 60_000 + 1000) });
    }
  });

  it('maps rate limiting, high-risk users and a busy WeChat to clear errors', async () => {
    await h.sim('/sim/risky-users', { openid: 'o_risky', risky: true });
    const risky = await h.call('POST', '/api/auth/login', { body: { code: await h.mintLoginCode('o_risky') } });
    expect([risky.status, risky.body.code]).toEqual([403, 'WECHAT_USER_BLOCKED']);

    await h.sim('/sim/login-rate-limit', { perMinute: 2 });
    try {
      await h.loginAs('o_eager');
      await h.loginAs('o_eager');
      const third = await h.call('POST', '/api/auth/login', { body: { code: await h.mintLoginCode('o_eager') } });
      expect([third.status, third.body.code]).toEqual([429, 'WECHAT_RATE_LIMITED']);
    } finally {
      await h.sim('/sim/login-rate-limit', { perMinute: 100 });
    }

    // -1 "system busy" is retried once; twice in a row is reported as unavailable.
    await h.sim('/sim/faults', { api: 'jscode2session', errcode: -1, times: 1 });
    expect((await h.call('POST', '/api/auth/login', { body: { code: await h.mintLoginCode('o_busy') } })).status).toBe(
      200,
    );
    await h.sim('/sim/faults', { api: 'jscode2session', errcode: -1, times: 2 });
    const busy = await h.call('POST', '/api/auth/login', { body: { code: await h.mintLoginCode('o_busy') } });
    expect([busy.status, busy.body.code]).toEqual([502, 'WECHAT_UNAVAILABLE']);
  });

  it('links a second app identity to the same person through the unionid', async () => {
    const a = await h.call('POST', '/api/auth/login', {
      body: { code: await h.mintLoginCode('o_union_a', 'u_person_1') },
    });
    const user = await h.db.user.findUniqueOrThrow({ where: { id: a.body.user.id } });
    expect(user.unionid).toBe('u_person_1');
  });
});

describe('sessions', () => {
  it('requires a token, rejects a dead one and revokes on logout', async () => {
    expect((await h.call('GET', '/api/me')).body.code).toBe('UNAUTHENTICATED');
    const bogus = await h.call('GET', '/api/me', { token: 'x'.repeat(43) });
    expect([bogus.status, bogus.body.code]).toEqual([401, 'SESSION_EXPIRED']);

    const token = await h.loginAs('o_logout');
    expect((await h.call('GET', '/api/me', { token })).status).toBe(200);
    expect((await h.call('POST', '/api/auth/logout', { token })).status).toBe(204);
    expect((await h.call('GET', '/api/me', { token })).body.code).toBe('SESSION_EXPIRED');
  });

  it('keeps the session in Redis under the hash of the token, with a rolling TTL', async () => {
    const token = await h.loginAs('o_ttl');
    const prefix = h.deps.config.redisKeyPrefix;
    const key = `sess:${createHash('sha256').update(token).digest('base64url')}`;
    expect(await h.deps.redis.exists(key)).toBe(1);
    expect((await scanKeys(h.deps.redis, `${prefix}*`)).some((k) => k.includes(token))).toBe(false);

    // As if logged in two minutes ago and nearly expired…
    const stored = JSON.parse((await h.deps.redis.get(key))!) as { createdAt: number };
    await h.deps.redis.set(key, JSON.stringify({ ...stored, createdAt: stored.createdAt - 120_000 }), 'EX', 10);
    expect((await h.call('GET', '/api/me', { token })).status).toBe(200);
    expect(await h.deps.redis.ttl(key)).toBeGreaterThan(h.deps.config.session.ttlSeconds - 5); // …renewed by use
  });
});

describe('POST /api/auth/phone', () => {
  it('binds the verified phone number and shows it to its owner', async () => {
    const token = await h.loginAs('o_phone');
    const phone = uniquePhone();
    const res = await h.call('POST', '/api/auth/phone', { token, body: { code: await h.mintPhoneCode(phone) } });
    expect(res.status).toBe(200);
    expect(res.body.phone).toBe(cn(phone));
    const me = await h.call('GET', '/api/me', { token });
    expect(me.body).toMatchObject({ phone: cn(phone), hasPhone: true });
  });

  it('refuses a used phone code and a number bound to another account', async () => {
    const token = await h.loginAs('o_phone_2');
    const phone = uniquePhone();
    const code = await h.mintPhoneCode(phone);
    expect((await h.call('POST', '/api/auth/phone', { token, body: { code } })).status).toBe(200);
    const reused = await h.call('POST', '/api/auth/phone', { token, body: { code } });
    expect([reused.status, reused.body.code]).toEqual([400, 'WECHAT_CODE_INVALID']);

    const other = await h.loginAs('o_phone_3');
    const taken = await h.call('POST', '/api/auth/phone', {
      token: other,
      body: { code: await h.mintPhoneCode(phone) },
    });
    expect([taken.status, taken.body.code]).toEqual([409, 'PHONE_TAKEN']);
  });

  it('retries once with a new access token when WeChat says the cached one is invalid', async () => {
    const token = await h.loginAs('o_phone_4');
    await h.bindPhone(token, uniquePhone()); // warms the access-token cache
    const before = h.simState.calls.get('stable_token') ?? 0;
    await h.sim('/sim/tokens/revoke', {});
    const res = await h.call('POST', '/api/auth/phone', {
      token,
      body: { code: await h.mintPhoneCode(uniquePhone()) },
    });
    expect(res.status).toBe(200);
    // One plain fetch returned the same revoked token's successor or, if unchanged, one forced refresh.
    const after = h.simState.calls.get('stable_token') ?? 0;
    expect(after - before).toBeGreaterThanOrEqual(1);
    expect(after - before).toBeLessThanOrEqual(2);
  });
});
