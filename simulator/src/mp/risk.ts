import Router from '@koa/router';
import type { SimState } from '../state.js';
import { wxError } from './reply.js';

/**
 * POST /wxa/getuserriskrank?access_token= — the user's risk rank, 0–4 (0 unless a test set one).
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/safety-control-capability/wxaapi_getuserriskrank.html
 */
export function riskRoutes(state: SimState) {
  const router = new Router();
  router.post('/wxa/getuserriskrank', (ctx) => {
    state.count('getuserriskrank');
    const fault = state.takeFault('getuserriskrank');
    if (fault !== null) return void (ctx.body = wxError(fault));
    const token = typeof ctx.query.access_token === 'string' ? ctx.query.access_token : undefined;
    const tokenError = state.mp.checkToken(token);
    if (tokenError) return void (ctx.body = wxError(tokenError));
    const body = (ctx.request.body ?? {}) as { appid?: unknown; openid?: unknown; scene?: unknown; client_ip?: unknown };
    if (body.appid !== state.mp.tokens.get(token!)!.appid) return void (ctx.body = wxError(40013));
    if (typeof body.openid !== 'string' || typeof body.scene !== 'number' || typeof body.client_ip !== 'string') {
      return void (ctx.body = wxError(47001));
    }
    ctx.body = { errcode: 0, errmsg: 'getuserriskrank succ', risk_rank: state.mp.riskRanks.get(body.openid) ?? 0, unoin_id: Date.now() % 1e9 };
  });
  return router;
}
