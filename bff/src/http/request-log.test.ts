import Koa from 'koa';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen } from '../../../tests/support/listen.js';
import type { AppState } from './context.js';
import { requestLog } from './request-log.js';

let lines: Record<string, unknown>[] = [];
let server: Awaited<ReturnType<typeof listen>>;

beforeAll(async () => {
  const logger = pino(
    { level: 'info' },
    { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  const app = new Koa<AppState>();
  app.use(requestLog(logger));
  app.use((ctx) => {
    if (ctx.path === '/talks') ctx.state.log.info({ step: 1 }, 'working');
    ctx.state.userId = 'u1';
    ctx.body = { ok: true };
  });
  server = await listen(app);
});
afterAll(() => server.close());

describe('requestLog', () => {
  it('gives every response its request id and logs one line per request with it', async () => {
    lines = [];
    const res = await fetch(`${server.url}/quiet`, { headers: { 'x-request-id': 'client-id-12345' } });
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines).toEqual([
      expect.objectContaining({
        msg: 'request',
        requestId: id,
        clientRequestId: 'client-id-12345',
        method: 'GET',
        path: '/quiet',
        status: 200,
        userId: 'u1',
      }),
    ]);
  });

  it("binds the ids to what a handler logs through the request's logger", async () => {
    lines = [];
    const res = await fetch(`${server.url}/talks`, { headers: { 'x-request-id': 'bad id!' } });
    const id = res.headers.get('x-request-id');
    expect(lines[0]).toMatchObject({ msg: 'working', step: 1, requestId: id });
    expect(lines[0]).not.toHaveProperty('clientRequestId'); // not well-formed: not logged
    expect(lines[1]).toMatchObject({ msg: 'request', requestId: id, path: '/talks' });
  });
});
