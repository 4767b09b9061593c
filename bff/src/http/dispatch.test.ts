import Koa from 'koa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen } from '../../../tests/support/listen.js';
import type { AppState } from './context.js';
import { dispatchRouters, routeLiterals } from './dispatch.js';
import { createRouter, type AppRouter } from './router.js';

/**
 * Three routers as app.ts mounts them; `seen` records which router-level middleware ran, `tried`
 * which routers looked for a route at all.
 */
let seen: string[] = [];
let tried: string[] = [];
function watch(name: string, router: AppRouter) {
  const match = router.match.bind(router);
  router.match = (path, method) => {
    tried.push(name);
    return match(path, method);
  };
  return router;
}
let server: Awaited<ReturnType<typeof listen>>;

beforeAll(async () => {
  const health = createRouter();
  health.get('/healthz', (ctx) => {
    ctx.body = 'health';
  });
  const items = createRouter('/api');
  items.use(async (_ctx, next) => {
    seen.push('items');
    await next();
  });
  items.get('/items', (ctx) => {
    ctx.body = 'items';
  });
  items.get('/items/:id', (ctx) => {
    ctx.body = `item ${ctx.params.id}`;
  });
  items.get('/shared', async (_ctx, next) => next()); // passes on, as a route may
  const later = createRouter('/api');
  later.use(async (_ctx, next) => {
    seen.push('later');
    await next();
  });
  later.post('/items', (ctx) => {
    ctx.body = 'posted';
  });
  later.get('/shared', (ctx) => {
    ctx.body = 'shared by the later router';
  });
  const app = new Koa<AppState>();
  app.use(dispatchRouters([watch('health', health), watch('items', items), watch('later', later)]));
  server = await listen(app);
});
afterAll(() => server.close());

const call = async (method: string, path: string) => {
  seen = [];
  tried = [];
  const res = await fetch(`${server.url}${path}`, { method });
  return { status: res.status, allow: res.headers.get('allow'), body: await res.text(), seen, tried };
};

describe('dispatchRouters', () => {
  it('passes a request only through the routers with a route its path may match', async () => {
    expect(await call('GET', '/api/items/42')).toMatchObject({
      status: 200,
      body: 'item 42',
      seen: ['items'],
      tried: ['items'],
    });
    expect(await call('POST', '/api/items')).toMatchObject({
      status: 200,
      body: 'posted',
      seen: ['later'],
      tried: ['items', 'later'],
    });
    expect(await call('GET', '/healthz')).toMatchObject({ status: 200, body: 'health', seen: [], tried: ['health'] });
  });

  it('keeps the routers in order, and a route that passes on reaches the next router', async () => {
    expect(await call('GET', '/api/shared')).toMatchObject({
      status: 200,
      body: 'shared by the later router',
      seen: ['items', 'later'],
    });
  });

  it('matches paths case-insensitively, as the routers themselves do', async () => {
    expect(await call('GET', '/API/Items/7')).toMatchObject({ status: 200, body: 'item 7' });
  });

  it('answers a method a path lacks with 405 and what it allows, and OPTIONS with the same list', async () => {
    const wrong = await call('DELETE', '/api/items');
    expect(wrong.status).toBe(405);
    const options = await call('OPTIONS', '/api/items');
    expect(options.status).toBe(200);
    expect(options.allow!.split(', ').sort()).toEqual(['GET', 'HEAD', 'POST']);
  });

  it('leaves an unknown path to whatever comes after it', async () => {
    expect(await call('GET', '/api/nothing')).toMatchObject({ status: 404, seen: [], tried: [] });
  });

  it('takes each route literally up to its first parameter, wildcard or group', () => {
    const r = createRouter('/api');
    r.use(async (_ctx, next) => next());
    r.get('/staff/communities/:communityId/notices', () => undefined);
    r.get('/files/*key', () => undefined);
    r.get('/a{/:b}', () => undefined);
    expect(routeLiterals(r)).toEqual(['/api/staff/communities/', '/api/files/', '/api/a']);
  });
});
