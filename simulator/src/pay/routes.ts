import Router from '@koa/router';
import type { SimState } from '../state.js';

/**
 * WeChat Pay v3 routes (api.mch.weixin.qq.com), scaffold. What exists now: the platform public key a
 * merchant downloads from the merchant platform, so the BFF can be configured with it in tests and
 * development. Unknown v3 paths answer as WeChat Pay does: a JSON `{ code, message }`.
 */
export function payRoutes(state: SimState) {
  const router = new Router();
  router.get('/sim/pay/public-key', (ctx) => {
    ctx.body = { publicKeyId: state.pay.publicKeyId, publicKeyPem: state.pay.publicKeyPem };
  });
  router.all('/v3/*rest', (ctx) => {
    ctx.status = 404;
    ctx.body = { code: 'NOT_FOUND', message: '请求的资源不存在' };
  });
  return router;
}
