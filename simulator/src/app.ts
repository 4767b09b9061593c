import Koa from 'koa';
import { bodyParser } from '@koa/bodyparser';
import { ZodError } from 'zod';
import { SimState, type SimApp } from './state.js';
import { loginRoutes } from './routes/login.js';
import { tokenRoutes } from './routes/token.js';
import { phoneRoutes } from './routes/phone.js';
import { controlRoutes } from './routes/control.js';

export type Simulator = { app: Koa; state: SimState };

/**
 * WeChat's twin: the server APIs the BFF calls, behaving as ../shared/wechat-spec.md says. It imports
 * nothing from the BFF; the BFF reaches it only through its configured base URL.
 */
export function createSimulator(apps: SimApp[]): Simulator {
  if (apps.length === 0) throw new Error('the simulator needs at least one registered app');
  const state = new SimState(apps);
  const app = new Koa();
  app.silent = true;
  app.use(async (ctx, next) => {
    try {
      await next();
    } catch (err) {
      ctx.status = err instanceof ZodError ? 400 : 500;
      ctx.body = { error: err instanceof ZodError ? err.issues : String(err) };
    }
  });
  app.use(async (ctx, next) => {
    // The H5 dev login mints codes from the browser.
    ctx.set('access-control-allow-origin', '*');
    ctx.set('access-control-allow-headers', 'content-type');
    if (ctx.method === 'OPTIONS') return void (ctx.status = 204);
    await next();
  });
  app.use(bodyParser({ enableTypes: ['json'] }));
  for (const router of [loginRoutes(state), tokenRoutes(state), phoneRoutes(state), controlRoutes(state, apps[0]!.appid)]) {
    app.use(router.routes());
  }
  return { app, state };
}
