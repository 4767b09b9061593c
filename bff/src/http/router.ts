import Router from '@koa/router';
import type { AppState } from './context.js';

/** All routers share the app's state type so handlers see requestId, log and userId typed. */
export const createRouter = (prefix?: string) => new Router<AppState>(prefix ? { prefix } : {});
export type AppRouter = ReturnType<typeof createRouter>;
