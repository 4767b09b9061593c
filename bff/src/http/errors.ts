import type { Middleware } from 'koa';
import { ZodError } from 'zod';
import { AppError } from '../errors.js';
import type { AppState } from './context.js';
import { isRedisDown } from '../redis.js';

type HttpishError = Error & { status?: number; statusCode?: number; expose?: boolean; type?: string };

/** Errors thrown by Koa's own middleware (body parser, router) carry an HTTP status: give them codes. */
function fromHttpError(err: HttpishError): AppError | null {
  const status = err.status ?? err.statusCode;
  if (status === 405 || status === 501) return new AppError('METHOD_NOT_ALLOWED', '接口不支持该请求方法');
  if (!status || status >= 500) return null;
  if (status === 413) return new AppError('PAYLOAD_TOO_LARGE', '请求体过大');
  if (status === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE', '请求体格式不支持，请使用 JSON');
  if (status === 404) return new AppError('NOT_FOUND', '接口不存在');
  if (status === 401) return new AppError('UNAUTHENTICATED', '请先登录');
  if (status === 403) return new AppError('FORBIDDEN', '没有权限执行此操作');
  return new AppError('VALIDATION_FAILED', err.type === 'entity.parse.failed' ? '请求体不是合法的 JSON' : '请求不正确');
}

/** PostgreSQL or Redis unreachable: 503 DEPENDENCY_DOWN, so clients and balancers retry later. */
function isDependencyDown(err: unknown): boolean {
  if (isRedisDown(err)) return true;
  const e = err as { code?: string; message?: string; cause?: { code?: string; kind?: string } } | null;
  if (!e) return false;
  // Prisma: P1001 can't reach the server, P1017 server closed the connection, P2024 pool timeout;
  // through the pg adapter a refused connection surfaces as the socket's own code.
  if (
    e.code &&
    ['P1001', 'P1002', 'P1017', 'P2024', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P03'].includes(e.code)
  )
    return true;
  if (e.cause?.code && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT'].includes(e.cause.code)) return true;
  return /Can't reach database server|Connection terminated|connection timeout|timeout exceeded when trying to connect|ECONNREFUSED/i.test(
    e.message ?? '',
  );
}

function zodDetails(err: ZodError) {
  return err.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

/** The one boundary where errors become responses: `{ code, message, details? }`. */
export function errorBoundary(): Middleware<AppState> {
  return async (ctx, next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) throw new AppError('NOT_FOUND', '接口不存在');
    } catch (raw) {
      const err = raw as HttpishError;
      const known =
        err instanceof AppError
          ? err
          : err instanceof ZodError
            ? new AppError('VALIDATION_FAILED', '请求参数不正确', zodDetails(err))
            : isDependencyDown(err)
              ? new AppError('DEPENDENCY_DOWN', '服务暂时不可用，请稍后再试', {
                  cause: String((err as Error).message ?? err),
                })
              : fromHttpError(err);
      if (known) {
        ctx.status = known.status;
        if (known.status >= 500) {
          // Upstream particulars (WeChat's errcode and path, a driver's message) go to the log only.
          ctx.state.log?.error({ code: known.code, details: known.details }, known.message);
          ctx.body = { code: known.code, message: known.message, details: { requestId: ctx.state.requestId } };
          return;
        }
        if (known.code === 'RATE_LIMITED')
          ctx.set('retry-after', String((known.details as { retryAfterSeconds: number }).retryAfterSeconds));
        ctx.body = {
          code: known.code,
          message: known.message,
          ...(known.details === undefined ? {} : { details: known.details }),
        };
        return;
      }
      ctx.state.log?.error({ err }, 'unhandled error');
      ctx.status = 500;
      ctx.body = {
        code: 'INTERNAL',
        message: '服务器内部错误，请稍后再试',
        details: { requestId: ctx.state.requestId },
      };
    }
  };
}
