import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';
import type { Logger } from '../logger.js';
import type { AppState } from './context.js';

const REQUEST_ID = /^[\w.-]{8,64}$/;

/** A request's state, its child logger made on first use (a pino child serialises its bindings when made). */
class RequestState implements AppState {
  clientRequestId?: string;
  userId?: string;
  sessionToken?: string;
  sessionKind?: 'phone' | 'desk';
  #child?: Logger;
  constructor(
    private readonly logger: Logger,
    readonly requestId: string,
    incoming: string,
  ) {
    if (REQUEST_ID.test(incoming)) this.clientRequestId = incoming;
  }
  get log(): Logger {
    return (this.#child ??= this.logger.child({
      requestId: this.requestId,
      ...(this.clientRequestId ? { clientRequestId: this.clientRequestId } : {}),
    }));
  }
}

/**
 * A request id made here, on every log line and response. The caller's own X-Request-Id, when
 * well-formed, is logged beside it for correlation but never trusted as an identifier (audit rows
 * carry ours). The request line carries the ids itself, so a request whose handlers log nothing
 * never makes a child logger.
 */
export function requestLog(logger: Logger): Middleware<AppState> {
  return async (ctx, next) => {
    const state = new RequestState(logger, randomUUID(), ctx.get('x-request-id'));
    ctx.state = state;
    ctx.set('x-request-id', state.requestId);
    const started = performance.now();
    try {
      await next();
    } finally {
      const ms = Math.round((performance.now() - started) * 10) / 10;
      const line = {
        requestId: state.requestId,
        clientRequestId: state.clientRequestId,
        method: ctx.method,
        path: ctx.path,
        status: ctx.status,
        ms,
        userId: state.userId,
      };
      if (ctx.status >= 500) logger.error(line, 'request');
      else logger.info(line, 'request');
    }
  };
}
