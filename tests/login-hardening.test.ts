import { describe, expect, it } from 'vitest';
import { startHarness, TEST_APPID } from './support/harness.js';
import { useHarness } from './support/use-harness.js';
import { makeUser, uniquePhone } from './support/factories/index.js';

/** Issue 6, items 6, 7 and 8: logins that locked accounts out, sessions of risky users, bogus-code floods. */
const h = useHarness();

const loginWith = async (openid: string, unionid?: string) =>
  h.call('POST', '/api/auth/login', { body: { code: await h.mintLoginCode(openid, unionid) } });

describe('item 6: unionid conflicts never lock an account out', () => {
  it('a new openid with a known unionid joins that person', async () => {
    const first = await loginWith('o_app1_person', 'u_person_x');
    const second = await loginWith('o_app2_person', 'u_person_x');
    const third = await loginWith('o_app2_person', 'u_person_x');
    expect([first.status, second.status, third.status]).toEqual([200, 200, 200]);
    expect(second.body.user.id).toBe(first.body.user.id);
    expect(third.body.user.id).toBe(first.body.user.id);
  });

  it('an empty account that learns a unionid held by another user is folded into that user', async () => {
    const holder = await loginWith('o_holder', 'u_person_y');
    const early = await loginWith('o_early_no_union'); // WeChat gave no unionid on the first login
    expect(early.body.user.id).not.toBe(holder.body.user.id);
    for (let i = 0; i < 2; i++) {
      const later = await loginWith('o_early_no_union', 'u_person_y');
      expect([later.status, later.body.user.id]).toEqual([200, holder.body.user.id]);
    }
  });

  it('an account with data keeps logging in as itself, every time', async () => {
    await loginWith('o_holder_z', 'u_person_z');
    const withData = await makeUser(h.db, TEST_APPID, { phone: uniquePhone() });
    for (let i = 0; i < 3; i++) {
      const res = await loginWith(withData.openid, 'u_person_z');
      expect([res.status, res.body.user.id]).toEqual([200, withData.id]);
    }
    expect((await h.db.user.findUniqueOrThrow({ where: { id: withData.id } })).unionid).toBeNull();
  });

  it('settles concurrent first logins of one person from two apps', async () => {
    const results = await Promise.all([
      loginWith('o_race_a', 'u_race'),
      loginWith('o_race_b', 'u_race'),
      loginWith('o_race_c', 'u_race'),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(new Set(results.map((r) => r.body.user.id)).size).toBe(1);
  });
});

describe('item 7: a user WeChat rates high-risk', () => {
  it('is refused at the next login and loses every session they had', async () => {
    const token = (await loginWith('o_turns_risky')).body.token;
    expect((await h.call('GET', '/api/me', { token })).status).toBe(200);
    await h.sim('/sim/risk-rank', { openid: 'o_turns_risky', rank: 4 });
    const refused = await loginWith('o_turns_risky');
    expect([refused.status, refused.body.code]).toEqual([403, 'WECHAT_USER_BLOCKED']);
    expect((await h.call('GET', '/api/me', { token })).body.code).toBe('SESSION_EXPIRED');
  });

  it('a lower rank, or the risk API failing, does not stop a login', async () => {
    await h.sim('/sim/risk-rank', { openid: 'o_rank_two', rank: 2 });
    expect((await loginWith('o_rank_two')).status).toBe(200);
    await h.sim('/sim/faults', { api: 'getuserriskrank', errcode: 45009, times: 1 });
    expect((await loginWith('o_rank_two')).status).toBe(200);
  });
});

describe('item 8: login throttling before WeChat is asked', () => {
  it('per client IP: bogus codes beyond the limit never reach jscode2session, a forged X-Forwarded-For changes nothing', async () => {
    const t = await startHarness({ env: { LOGIN_LIMIT_PER_IP_PER_MINUTE: '5' } });
    try {
      const before = t.simState.calls.get('jscode2session') ?? 0;
      const answers = [];
      for (let i = 0; i < 12; i++) {
        answers.push(
          await t.call('POST', '/api/auth/login', {
            body: { code: `bogus-${i}` },
            headers: { 'x-forwarded-for': `10.0.0.${i}` },
          }),
        );
      }
      expect(answers.slice(0, 5).map((r) => r.body.code)).toEqual(Array(5).fill('WECHAT_CODE_INVALID'));
      expect(answers.slice(5).map((r) => r.status)).toEqual(Array(7).fill(429));
      expect(answers[5]!.body.code).toBe('RATE_LIMITED');
      expect((t.simState.calls.get('jscode2session') ?? 0) - before).toBe(5);
    } finally {
      await t.close();
    }
  });

  it('for the whole app: a burst from many addresses is cut at the global rate', async () => {
    const t = await startHarness({ env: { LOGIN_LIMIT_PER_SECOND: '3', TRUST_PROXY: 'true' } });
    try {
      const before = t.simState.calls.get('jscode2session') ?? 0;
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          t.call('POST', '/api/auth/login', {
            body: { code: `bogus-${i}` },
            headers: { 'x-forwarded-for': `10.1.0.${i}` },
          }),
        ),
      );
      const limited = answers.filter((r) => r.status === 429).length;
      // A fixed one-second window: however the burst straddles it, at most 2 × 3 pass.
      expect(limited).toBeGreaterThanOrEqual(4);
      expect((t.simState.calls.get('jscode2session') ?? 0) - before).toBe(10 - limited);
    } finally {
      await t.close();
    }
  });
});
