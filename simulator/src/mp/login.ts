import Router from '@koa/router';
import type { SimState } from '../state.js';
import { CODE_TTL_MS } from './state.js';
import { wxError } from './reply.js';

/** GET /sns/jscode2session (docs/wechat.md §1). */
export function loginRoutes(state: SimState) {
  const router = new Router();
  router.get('/sns/jscode2session', (ctx) => {
    state.count('jscode2session');
    const q = ctx.query as Record<string, string | undefined>;
    const fault = state.takeFault('jscode2session');
    if (fault !== null) return void (ctx.body = wxError(fault));
    if (!q.appid) return void (ctx.body = wxError(41002));
    if (!q.secret) return void (ctx.body = wxError(41004));
    if (!q.js_code) return void (ctx.body = wxError(41008));
    const app = state.apps.get(q.appid);
    if (!app) return void (ctx.body = wxError(40013));
    if (app.secret !== q.secret) return void (ctx.body = wxError(40125));
    if (q.grant_type !== 'authorization_code') return void (ctx.body = wxError(40002));

    const code = state.mp.loginCodes.get(q.js_code);
    if (!code || code.appid !== q.appid || state.now() - code.mintedAt > CODE_TTL_MS) {
      return void (ctx.body = wxError(40029));
    }
    if (code.used) return void (ctx.body = wxError(40163));
    code.used = true;
    if (state.mp.riskyOpenids.has(code.openid)) return void (ctx.body = wxError(40226));

    // 45011: too many logins of one user within a minute.
    const recent = (state.mp.loginCalls.get(code.openid) ?? []).filter((t) => state.now() - t < 60_000);
    recent.push(state.now());
    state.mp.loginCalls.set(code.openid, recent);
    if (recent.length > state.mp.loginRateLimitPerMinute) return void (ctx.body = wxError(45011));

    state.mp.security.lastSeen.set(code.openid, state.now());
    ctx.body = {
      openid: code.openid,
      session_key: Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64'),
      ...(code.unionid ? { unionid: code.unionid } : {}),
    };
  });
  return router;
}
