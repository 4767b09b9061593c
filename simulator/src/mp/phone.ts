import Router from '@koa/router';
import type { SimState } from '../state.js';
import { CODE_TTL_MS } from './state.js';
import { tokenApi, wxError } from './reply.js';

/** POST /wxa/business/getuserphonenumber?access_token= (docs/wechat.md §3). */
export function phoneRoutes(state: SimState) {
  const router = new Router();
  router.post('/wxa/business/getuserphonenumber', (ctx) => {
    const appid = tokenApi(state, 'getuserphonenumber', ctx);
    if (appid === null) return;

    const body = (ctx.request.body ?? {}) as { code?: unknown };
    if (typeof body.code !== 'string' || !body.code) return void (ctx.body = wxError(41008));
    const code = state.mp.phoneCodes.get(body.code);
    if (!code || code.used || code.appid !== appid || state.now() - code.mintedAt > CODE_TTL_MS) {
      return void (ctx.body = wxError(40029));
    }
    code.used = true;
    const plus = code.countryCode === '86' ? code.phoneNumber : `+${code.countryCode}${code.phoneNumber}`;
    ctx.body = {
      errcode: 0,
      errmsg: 'ok',
      phone_info: {
        phoneNumber: plus,
        purePhoneNumber: code.phoneNumber,
        countryCode: code.countryCode,
        watermark: { timestamp: Math.floor(state.now() / 1000), appid },
      },
    };
  });
  return router;
}
