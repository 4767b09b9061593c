import { beforeAll, describe, expect, it } from 'vitest';
import { createRouters } from '../bff/src/app.js';
import { useHarness } from './support/use-harness.js';
import { makeCommunity } from './support/factories/index.js';
import { allBadInput, type BadInputCase } from './support/bad-input/index.js';

/**
 * Bad input on every endpoint gets a 4xx with a machine code and a Chinese message, never a 500.
 * Each module contributes its cases (tests/support/bad-input/<module>.ts); the table is checked
 * against the routers themselves, so a new endpoint without cases fails here.
 */
const h = useHarness();
let token: string;

let table: Record<string, BadInputCase[]>;

beforeAll(async () => {
  token = await h.loginAs('o_bad_input');
  const site = await makeCommunity(h.db, { units: 1 });
  table = Object.assign(
    {},
    ...allBadInput.map((cases) => cases({ uuid: '00000000-0000-4000-8000-000000000000', site })),
  );
});

describe('bad input', () => {
  it('has cases for every route that takes input', () => {
    const routes = createRouters(h.deps).flatMap((r) =>
      r.stack.flatMap((layer) => layer.methods.filter((m) => m !== 'HEAD').map((m) => `${m} ${layer.path}`)),
    );
    const inputless = new Set([
      'GET /healthz',
      'GET /readyz',
      'POST /api/auth/logout',
      'GET /api/me',
      'GET /api/communities',
      'GET /api/units/bind-requests',
      'GET /api/push/subscriptions',
      'GET /api/bills/summary',
      'GET /api/desk/sessions',
      'GET /api/elections',
      'GET /api/surveys',
    ]);
    for (const route of routes) {
      expect(table, `no bad-input cases for ${route}`).toHaveProperty([route]);
      if (!inputless.has(route)) expect(table[route]!.length, route).toBeGreaterThan(0);
    }
  });

  // Over 500 requests (about 5 s on a quiet machine): six at a time, as bad input changes nothing and so
  // their order does not matter, with the time that many need on a busy one.
  it('answers 4xx with a code and a Chinese message, never 5xx', { timeout: 60_000 }, async () => {
    const all = Object.entries(table).flatMap(([route, cases]) => cases.map((c) => ({ route, c })));
    const one = async ({ route, c }: (typeof all)[number]) => {
      const res = await h.call(route.split(' ')[0]!, c.path, {
        token,
        ...(c.raw !== undefined ? { raw: c.raw } : c.body !== undefined ? { body: c.body } : {}),
        headers: c.contentType ? { 'content-type': c.contentType } : {},
      });
      const label = `${route} ${c.path} ${JSON.stringify(c.body ?? c.raw)?.slice(0, 60)}`;
      expect(res.status, label).toBe(c.expect ?? 400);
      expect(res.body.code, label).toMatch(/^[A-Z_]+$/);
      expect(res.body.message, label).toMatch(/[\u4e00-\u9fa5]/);
    };
    let next = 0;
    const lane = async () => {
      while (next < all.length) await one(all[next++]!);
    };
    await Promise.all(Array.from({ length: 6 }, lane));
  });

  it('answers unknown routes and wrong methods with JSON errors', async () => {
    const unknown = await h.call('GET', '/api/nothing-here', { token });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'NOT_FOUND']);
    const wrongMethod = await h.call('DELETE', '/api/me', { token });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.body.code).toMatch(/^[A-Z_]+$/);
  });
});
