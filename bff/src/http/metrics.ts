import type { Middleware } from 'koa';
import type { Metrics } from '../metrics.js';
import type { AppState } from './context.js';

/**
 * Latency by method, route template and status, and error answers by code. Outside the error
 * boundary, so it sees the final status and `{code}` body. The route is @koa/router's template
 * (`/api/repairs/:id`, `ctx._matchedRoute`), never the raw URL: ids would make a series per record.
 */
export function httpMetrics(metrics: Metrics): Middleware<AppState> {
  return async (ctx, next) => {
    const stop = metrics.http.startTimer();
    try {
      await next();
    } finally {
      const status = String(ctx.status);
      const matched = (ctx as { _matchedRoute?: unknown })._matchedRoute;
      stop({ method: ctx.method, route: typeof matched === 'string' ? matched : 'unmatched', status });
      if (ctx.status >= 400) {
        const code = (ctx.body as { code?: unknown } | undefined)?.code;
        metrics.errors.inc({ code: typeof code === 'string' ? code : 'NONE', status });
      }
    }
  };
}
