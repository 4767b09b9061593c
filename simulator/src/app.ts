import Koa from 'koa';
import { bodyParser } from '@koa/bodyparser';
import { ZodError } from 'zod';
import { SimState, type SimApp } from './state.js';
import { loginRoutes } from './mp/login.js';
import { tokenRoutes } from './mp/token.js';
import { phoneRoutes } from './mp/phone.js';
import { riskRoutes } from './mp/risk.js';
import { controlRoutes } from './mp/control.js';
import { subscribeRoutes } from './mp/subscribe.js';
import { payRoutes } from './pay/routes.js';
import { securityRoutes } from './mp/security.js';
import { wxacodeRoutes } from './mp/wxacode.js';

export type Simulator = { app: Koa; state: SimState };

/**
 * WeChat's twin: the server APIs the BFF calls, behaving as docs/wechat.md says, split by
 * product — `mp/` (login, tokens, phone, risk; later subscribe messages, mini-program codes, content
 * security) and `pay/` (WeChat Pay v3) — on one clock and one fault queue. It imports nothing from the
 * BFF; the BFF reaches it only through its configured base URLs.
 */
export function createSimulator(apps: SimApp[], opts: { corsOrigins?: string[] } = {}): Simulator {
  const corsOrigins = new Set(opts.corsOrigins ?? []);
  if (apps.length === 0) throw new Error('the simulator needs at least one registered app');
  const state = new SimState(apps);
  const app = new Koa();
  app.silent = true;
  app.use(async (ctx, next) => {
    try {
      await next();
    } catch (err) {
      // Bad input (zod, or the body parser's own 4xx such as malformed JSON) is the caller's fault.
      const status = err instanceof ZodError ? 400 : ((err as { status?: number }).status ?? 500);
      ctx.status = status >= 400 && status < 500 ? status : 500;
      ctx.body = {
        error: err instanceof ZodError ? err.issues : ctx.status === 500 ? 'internal error' : (err as Error).message,
      };
    }
  });
  app.use(async (ctx, next) => {
    // The H5 dev login mints codes from the browser, normally through the dev server's proxy (same
    // origin); a cross-origin page is let in only when it is the configured H5 dev origin.
    const origin = ctx.get('origin');
    if (origin && corsOrigins.has(origin)) {
      ctx.set('access-control-allow-origin', origin);
      ctx.set('vary', 'origin');
      ctx.set('access-control-allow-headers', 'content-type');
      if (ctx.method === 'OPTIONS') return void (ctx.status = 204);
    }
    await next();
  });
  app.use(bodyParser({ enableTypes: ['json'], jsonLimit: '10mb' }));
  for (const router of [
    loginRoutes(state),
    tokenRoutes(state),
    phoneRoutes(state),
    riskRoutes(state),
    subscribeRoutes(state),
    securityRoutes(state),
    wxacodeRoutes(state),
    controlRoutes(state, apps[0]!.appid),
    payRoutes(state),
  ]) {
    app.use(router.routes());
  }
  return { app, state };
}
