import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, TEST_APPID, type Harness } from './support/harness.js';
import { createTestDatabase } from './support/database.js';
import { startTcpProxy } from './support/tcp-proxy.js';
import { ADMIN_DATABASE_URL, TEST_REDIS_URL } from './support/env.js';
import { grantRole, makeCommunity, makeUser, uniquePhone } from './support/factories/index.js';

/** Issue 6, items 9–12: bad input and failure answers. */
let h: Harness;
let pgProxy: Awaited<ReturnType<typeof startTcpProxy>>;
let redisProxy: Awaited<ReturnType<typeof startTcpProxy>>;

beforeAll(async () => {
  const pgUrl = new URL(ADMIN_DATABASE_URL);
  const redisUrl = new URL(TEST_REDIS_URL);
  pgProxy = await startTcpProxy({ host: pgUrl.hostname, port: Number(pgUrl.port || 5432) });
  redisProxy = await startTcpProxy({ host: redisUrl.hostname, port: Number(redisUrl.port || 6379) });
  const database = await createTestDatabase();
  const viaProxy = new URL(database.url);
  viaProxy.port = String(pgProxy.port);
  redisUrl.port = String(redisProxy.port);
  h = await startStack(database, { env: { DATABASE_URL: viaProxy.toString(), REDIS_URL: redisUrl.toString() } });
});
afterAll(async () => {
  await h?.close();
  await Promise.all([pgProxy?.close(), redisProxy?.close()]);
});

describe('item 9: text fields', () => {
  it('refuse a NUL byte and reasons made only of invisible characters with 400', async () => {
    const site = await makeCommunity(h.db, { units: 1 });
    const manager = await makeUser(h.db, TEST_APPID, { name: '赵经理', phone: uniquePhone() });
    await grantRole(h.db, manager.id, site.companyId, 'MANAGER', site.community.id, true);
    const managerToken = await h.loginAs(manager.openid);
    const resident = await h.loginAs('o_nul');
    await h.bindPhone(resident, uniquePhone());
    const req = await h.call('POST', '/api/units/bind-requests', {
      token: resident,
      body: { unitId: site.units[0]!.id, relation: 'TENANT' },
    });
    const decide = (reason: string) =>
      h.call('POST', `/api/staff/bind-requests/${req.body.id}/decision`, {
        token: managerToken,
        body: { decision: 'reject', reason },
      });
    for (const reason of ['材料\u0000不全', '\u200B\u200B\u200B', '\u200D\uFEFF \u2060']) {
      const res = await decide(reason);
      expect([res.status, res.body.code], JSON.stringify(reason)).toEqual([400, 'VALIDATION_FAILED']);
    }
    const reveal = (reason: string) =>
      h.call('POST', `/api/staff/communities/${site.community.id}/reveal`, {
        token: managerToken,
        body: { userId: manager.id, field: 'PHONE', reason },
      });
    expect((await reveal('核实\u0000身份')).status).toBe(400);
    expect((await reveal('\u200B核\u200B')).status).toBe(400); // one visible character: under the minimum of two
    expect((await decide('材料不全')).body.status).toBe('REJECTED');
  });
});

describe('item 10: bodies that are not JSON', () => {
  it('are answered 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const sends: [string, string][] = [
      ['text/plain', '{"code":"abc"}'],
      ['application/x-www-form-urlencoded', 'code=abc'],
      ['multipart/form-data; boundary=x', '--x\r\ncontent-disposition: form-data; name="code"\r\n\r\nabc\r\n--x--\r\n'],
    ];
    for (const [type, raw] of sends) {
      const res = await h.call('POST', '/api/auth/login', { raw, headers: { 'content-type': type } });
      expect([res.status, res.body.code], type).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
      expect(res.body.message).toMatch(/JSON/);
    }
  });
});

describe('item 12: what a WeChat failure tells the client', () => {
  it('keeps errcode, errmsg and path in the log, not in the answer', async () => {
    await h.sim('/sim/faults', { api: 'jscode2session', errcode: 40099, times: 1 });
    const res = await h.call('POST', '/api/auth/login', { body: { code: await h.mintLoginCode('o_wx_fails') } });
    expect([res.status, res.body.code]).toEqual([502, 'WECHAT_UNAVAILABLE']);
    expect(res.body.details).toEqual({ requestId: res.headers.get('x-request-id') });
    expect(JSON.stringify(res.body)).not.toMatch(/errcode|errmsg|jscode2session|40099/);
  });
});

describe('item 11: a store goes down', () => {
  const timed = async (work: () => Promise<{ status: number; body: { code: string } }>) => {
    const started = performance.now();
    const res = await work();
    return { ...res, ms: performance.now() - started };
  };

  // Redis fails at once (no offline queue); PostgreSQL within its connect timeout.
  it.each([
    { store: 'Redis', proxy: () => redisProxy, withinMs: 300 },
    { store: 'PostgreSQL', proxy: () => pgProxy, withinMs: 2500 },
  ])(
    '$store: 503 DEPENDENCY_DOWN within $withinMs ms, and service again when it is back',
    async ({ store, proxy, withinMs }) => {
      const token = await h.loginAs(`o_${store}_outage`);
      await proxy().cut();
      try {
        for (let i = 0; i < 3; i++) {
          const res = await timed(() => h.call('GET', '/api/me', { token }));
          expect([res.status, res.body.code]).toEqual([503, 'DEPENDENCY_DOWN']);
          expect(res.ms).toBeLessThan(withinMs);
        }
      } finally {
        await proxy().restore();
      }
      await expect
        .poll(async () => (await h.call('GET', '/api/me', { token })).status, { timeout: 5000, interval: 200 })
        .toBe(200);
    },
  );
});
