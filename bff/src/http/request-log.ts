import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';
import type { Logger } from '../logger.js';
import type { AppState } from './context.js';

const REQUEST_ID = /^[\w.-]{8,64}$/;

/**
 * A request id made here, on every log line and response. The caller's own X-Request-Id, when
 * well-formed, is logged beside it for correlation but never trusted as an identifier (audit rows
 * carry ours).
 */
export function requestLog(logger: Logger): Middleware<AppState> {
  return async (ctx, next) => {
    const incoming = ctx.get('x-request-id');
    const requestId = randomUUID();
    ctx.state.requestId = requestId;
    ctx.state.clientRequestId = REQUEST_ID.test(incoming) ? incoming : undefined;
    ctx.state.log = logger.child({ requestId, ...(ctx.state.clientRequestId ? { clientRequestId: ctx.state.clientRequestId } : {}) });
    ctx.set('x-request-id', requestId);
    const started = performance.now();
    try {
      await next();
    } finally {
      const ms = Math.round((performance.now() - started) * 10) / 10;
      const line = { method: ctx.method, path: ctx.path, status: ctx.status, ms, userId: ctx.state.userId };
      if (ctx.status >= 500) ctx.state.log.error(line, 'request');
      else ctx.state.log.info(line, 'request');
    }
  };
}
