import type { Middleware } from 'koa';
import { AppError } from '../errors.js';
import type { SessionStore } from '../auth/session-store.js';
import type { AppContext, AppState } from './context.js';

const BEARER = /^Bearer ([A-Za-z0-9_-]{20,128})$/;

/** Requires a live session; renews it. A missing token is 401 UNAUTHENTICATED, a dead one SESSION_EXPIRED. */
export function requireSession(sessions: SessionStore): Middleware<AppState> {
  return async (ctx, next) => {
    const header = ctx.get('authorization');
    if (!header) throw new AppError('UNAUTHENTICATED', '请先登录');
    const match = BEARER.exec(header);
    if (!match?.[1]) throw new AppError('SESSION_EXPIRED', '登录已失效，请重新登录');
    const session = await sessions.touch(match[1]);
    if (!session) throw new AppError('SESSION_EXPIRED', '登录已失效，请重新登录');
    ctx.state.userId = session.userId;
    ctx.state.sessionToken = match[1];
    await next();
  };
}

export function userIdOf(ctx: AppContext): string {
  if (!ctx.state.userId) throw new AppError('UNAUTHENTICATED', '请先登录');
  return ctx.state.userId;
}
