import type { Middleware } from 'koa';
import { AppError } from '../errors.js';
import type { SessionStore } from '../auth/session-store.js';
import type { AppContext, AppState } from './context.js';

const BEARER = /^Bearer ([A-Za-z0-9_-]{20,128})$/;

/**
 * What a desk session (a desk browser signed in by scanning its code) may reach: staff work only (the
 * committee's running of a vote and the company's comparison included). A person's resident side (their
 * bills, payments, repairs they file, their own ballot) stays on their phone.
 */
const DESK_PATHS = [
  '/api/staff',
  '/api/committee',
  '/api/company',
  '/api/desk',
  '/api/me',
  '/api/auth/logout',
  '/api/communities',
  '/api/buildings',
  '/api/uploads',
  '/api/files',
];
/**
 * One repair or 随手拍 and the actions on it (#26: the desk does what the same person does on the phone).
 * At a desk only the person's staff side counts there (`atDesk`): their own filings stay on the phone.
 */
const DESK_ITEMS = [/^\/api\/repairs\/[^/]+(\/actions)?$/, /^\/api\/snapshots\/[^/]+(\/actions)?$/];
const deskMay = (path: string) =>
  DESK_PATHS.some((p) => path === p || path.startsWith(`${p}/`)) || DESK_ITEMS.some((re) => re.test(path));

/** Requires a live session; renews it. A missing token is 401 UNAUTHENTICATED, a dead one SESSION_EXPIRED. */
export function requireSession(sessions: SessionStore): Middleware<AppState> {
  return async (ctx, next) => {
    const header = ctx.get('authorization');
    if (!header) throw new AppError('UNAUTHENTICATED', '请先登录');
    const match = BEARER.exec(header);
    if (!match?.[1]) throw new AppError('SESSION_EXPIRED', '登录已失效，请重新登录');
    const session = await sessions.touch(match[1]);
    if (!session) throw new AppError('SESSION_EXPIRED', '登录已失效，请重新登录');
    if (session.kind === 'desk' && !deskMay(ctx.path)) {
      throw new AppError('FORBIDDEN', '收银台登录只能使用员工功能，业主功能请在手机微信中使用');
    }
    ctx.state.userId = session.userId;
    ctx.state.sessionToken = match[1];
    ctx.state.sessionKind = session.kind ?? 'phone';
    await next();
  };
}

export function userIdOf(ctx: AppContext): string {
  if (!ctx.state.userId) throw new AppError('UNAUTHENTICATED', '请先登录');
  return ctx.state.userId;
}

/** The user of a phone's own WeChat session: some acts (signing in a desk, accepting a role) are never done from a desk. */
export function phoneUserOf(ctx: AppContext, message: string): string {
  if (ctx.state.sessionKind === 'desk') throw new AppError('FORBIDDEN', message);
  return userIdOf(ctx);
}
/** A desk session: the person acts only as staff (their resident side stays on the phone). */
export const atDesk = (ctx: AppContext): boolean => ctx.state.sessionKind === 'desk';
