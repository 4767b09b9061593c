import Router from '@koa/router';
import type { SimState } from '../state.js';
import { tokenApi, wxError } from './reply.js';

/**
 * POST /wxa/getuserriskrank?access_token= — the user's risk rank, 0–4 (0 unless a test set one).
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/safety-control-capability/wxaapi_getuserriskrank.html
 */
export function riskRoutes(state: SimState) {
  const router = new Router();
  router.post('/wxa/getuserriskrank', (ctx) => {
    const appid = tokenApi(state, 'getuserriskrank', ctx);
    if (appid === null) return;
    const body = (ctx.request.body ?? {}) as {
      appid?: unknown;
      openid?: unknown;
      scene?: unknown;
      client_ip?: unknown;
    };
    if (body.appid !== appid) return void (ctx.body = wxError(40013));
    if (typeof body.openid !== 'string' || typeof body.scene !== 'number' || typeof body.client_ip !== 'string') {
      return void (ctx.body = wxError(47001));
    }
    ctx.body = {
      errcode: 0,
      errmsg: 'getuserriskrank succ',
      risk_rank: state.mp.riskRanks.get(body.openid) ?? 0,
      unoin_id: Date.now() % 1e9,
    };
  });
  return router;
}
