import Router from '@koa/router';
import type { SimState } from '../state.js';
import { FORCE_REFRESH_MIN_GAP_MS, FORCE_REFRESH_PER_DAY, ROTATE_BEFORE_MS } from './state.js';
import { wxError } from './reply.js';

/** POST /cgi-bin/stable_token and the older GET /cgi-bin/token (docs/wechat.md §2). */
export function tokenRoutes(state: SimState) {
  const router = new Router();

  router.post('/cgi-bin/stable_token', (ctx) => {
    state.count('stable_token');
    const body = (ctx.request.body ?? {}) as Record<string, unknown>;
    const fault = state.takeFault('stable_token');
    if (fault !== null) return void (ctx.body = wxError(fault));
    if (body.grant_type !== 'client_credential') return void (ctx.body = wxError(40002));
    const app = typeof body.appid === 'string' ? state.apps.get(body.appid) : undefined;
    if (!app) return void (ctx.body = wxError(40013));
    if (body.secret !== app.secret) return void (ctx.body = wxError(40125));

    const now = state.now();
    if (body.force_refresh === true) {
      const history = (state.mp.forceRefreshes.get(app.appid) ?? []).filter((t) => now - t < 24 * 3600_000);
      const last = history.at(-1);
      if (last !== undefined && now - last < FORCE_REFRESH_MIN_GAP_MS) return void (ctx.body = wxError(45011));
      if (history.length >= FORCE_REFRESH_PER_DAY) return void (ctx.body = wxError(45009));
      history.push(now);
      state.mp.forceRefreshes.set(app.appid, history);
      // A forced refresh invalidates every earlier token of the app.
      for (const t of state.mp.tokens.values()) if (t.appid === app.appid) t.revoked = true;
      state.mp.stableCurrent.delete(app.appid);
    }

    let current = state.mp.stableCurrent.get(app.appid);
    const info = current ? state.mp.tokens.get(current) : undefined;
    if (!current || !info || info.revoked || info.expiresAt - now <= ROTATE_BEFORE_MS) {
      // Rotation in the last 5 minutes leaves the old token valid until its own expiry.
      current = state.mp.issueToken(app.appid, true);
      state.mp.stableCurrent.set(app.appid, current);
    }
    const expiresAt = state.mp.tokens.get(current)!.expiresAt;
    ctx.body = { access_token: current, expires_in: Math.floor((expiresAt - now) / 1000) };
  });

  router.get('/cgi-bin/token', (ctx) => {
    state.count('token');
    const q = ctx.query as Record<string, string | undefined>;
    if (q.grant_type !== 'client_credential') return void (ctx.body = wxError(40002));
    const app = q.appid ? state.apps.get(q.appid) : undefined;
    if (!app) return void (ctx.body = wxError(40013));
    if (q.secret !== app.secret) return void (ctx.body = wxError(40125));
    // The old API invalidates the previous plain token on every call (why the BFF avoids it).
    for (const t of state.mp.tokens.values()) if (t.appid === app.appid && !t.stable) t.revoked = true;
    ctx.body = { access_token: state.mp.issueToken(app.appid, false), expires_in: 7200 };
  });
  return router;
}
