import type { Middleware } from 'koa';
import { AppError } from '../errors.js';
import type { AppState } from './context.js';

/**
 * The API speaks JSON: a request that carries a body of another type (text, a form, multipart) is
 * answered 415 before any parser sees it, instead of being read as an empty object. Upload paths,
 * declared by their modules, take multipart.
 */
export function requireJsonBody(multipartPaths: string[] = []): Middleware<AppState> {
  const multipart = new Set(multipartPaths);
  return async (ctx, next) => {
    if ((ctx.request.length || ctx.get('transfer-encoding')) && !multipart.has(ctx.path)) {
      if (!ctx.is('application/json'))
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请求体格式不支持，请使用 JSON（application/json）');
    }
    await next();
  };
}
