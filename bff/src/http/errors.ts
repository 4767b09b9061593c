import type { Middleware } from 'koa';
import { ZodError } from 'zod';
import { AppError } from '../errors.js';
import type { AppState } from './context.js';

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
            : fromHttpError(err);
      if (known) {
        ctx.status = known.status;
        ctx.body = { code: known.code, message: known.message, ...(known.details === undefined ? {} : { details: known.details }) };
        if (known.status >= 500) ctx.state.log?.error({ code: known.code, details: known.details }, known.message);
        return;
      }
      ctx.state.log?.error({ err }, 'unhandled error');
      ctx.status = 500;
      ctx.body = { code: 'INTERNAL', message: '服务器内部错误，请稍后再试', details: { requestId: ctx.state.requestId } };
    }
  };
}
