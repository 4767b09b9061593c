import Koa from 'koa';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import pino from 'pino';
import { AppError, ERROR_STATUS } from '../errors.js';
import { errorBoundary } from './errors.js';
import type { AppState } from './context.js';

/** Runs the boundary around a handler through Koa's own callback, without opening a port. */
async function render(handler: () => unknown) {
  const app = new Koa<AppState>();
  app.silent = true;
  const logged: unknown[] = [];
  const log = pino({ level: 'error' }, { write: (line: string) => logged.push(JSON.parse(line)) });
  app.use(async (ctx, next) => {
    ctx.state.requestId = 'req-1';
    ctx.state.log = log;
    await next();
  });
  app.use(errorBoundary());
  app.use(async () => {
    await handler();
  });
  const { createServer } = await import('node:http');
  const server = createServer(app.callback());
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  const res = await fetch(`http://127.0.0.1:${port}/`);
  const body = (await res.json()) as any;
  server.close();
  return { status: res.status, body, logged };
}

describe('error boundary', () => {
  it('renders AppError with its status from the one table', async () => {
    const r = await render(() => {
      throw new AppError('ALREADY_BOUND', '已绑定', { unitId: 'u1' });
    });
    expect(r.status).toBe(ERROR_STATUS.ALREADY_BOUND);
    expect(r.body).toEqual({ code: 'ALREADY_BOUND', message: '已绑定', details: { unitId: 'u1' } });
  });

  it('turns a ZodError into a 400 listing the paths', async () => {
    const r = await render(() => z.object({ code: z.string() }).parse({ code: 1 }));
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('VALIDATION_FAILED');
    expect(r.body.details).toEqual([expect.objectContaining({ path: 'code' })]);
  });

  it('hides unknown errors behind a generic 500 with the request id, and logs them', async () => {
    const r = await render(() => {
      throw new Error('connection string postgres://secret leaked?');
    });
    expect(r.status).toBe(500);
    expect(r.body).toEqual({
      code: 'INTERNAL',
      message: '服务器内部错误，请稍后再试',
      details: { requestId: 'req-1' },
    });
    expect(JSON.stringify(r.body)).not.toContain('secret');
    expect(r.logged).toHaveLength(1);
  });

  it('maps every code to a 4xx or 5xx status', () => {
    for (const status of Object.values(ERROR_STATUS)) expect(status >= 400 && status < 600).toBe(true);
  });
});
