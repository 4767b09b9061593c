import Koa from 'koa';
import { bodyParser } from '@koa/bodyparser';
import type { Deps } from './deps.js';
import type { AppState } from './http/context.js';
import { requestLog } from './http/request-log.js';
import { httpMetrics } from './http/metrics.js';
import { errorBoundary } from './http/errors.js';
import { requireJsonBody } from './http/json-only.js';
import { modules } from './modules.js';
import { dispatchRouters } from './http/dispatch.js';
import { createRegistry } from './registry.js';

/** The modules' lookups for the API's deps (`createDeps(config, { registry })`): main.ts, the tests' harness. */
export const createModuleRegistry = () => createRegistry(modules);

export function createRouters(deps: Deps) {
  return modules.flatMap((m) => (m.routes ? [m.routes(deps)] : []));
}

/** Middleware order and routers; no listening here (main.ts is the only file that listens). */
export function createApp(deps: Deps): Koa<AppState> {
  const app = new Koa<AppState>({ proxy: deps.config.trustProxy });
  app.silent = true; // errors are logged once, by the error boundary
  app.use(requestLog(deps.logger));
  app.use(httpMetrics(deps.metrics));
  app.use(errorBoundary());
  const raw = new Set(modules.flatMap((m) => m.rawBodyPaths ?? []));
  const parse = bodyParser({ enableTypes: ['json'], jsonLimit: '256kb', encoding: 'utf-8' });
  app.use(requireJsonBody([...modules.flatMap((m) => m.multipartPaths ?? []), ...raw]));
  app.use((ctx, next) => (raw.has(ctx.path) ? next() : parse(ctx, next)));
  app.use(dispatchRouters(createRouters(deps)));
  return app;
}
