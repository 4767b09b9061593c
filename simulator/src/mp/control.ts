import Router from '@koa/router';
import { z } from 'zod';
import type { ApiName, SimState } from '../state.js';

const ZApi = z.enum([
  'jscode2session',
  'stable_token',
  'token',
  'getuserphonenumber',
  'getuserriskrank',
  'subscribe_send',
  'msg_sec_check',
  'media_check_async',
  'getwxacodeunlimit',
]);

/**
 * Test-only controls under /sim: what a real user's phone or WeChat's own behaviour would
 * otherwise provide (a login code, a phone code), plus faults, a movable clock and counters.
 */
export function controlRoutes(state: SimState, defaultAppid: string) {
  const router = new Router({ prefix: '/sim' });
  const appidOf = (appid: string | undefined) => appid ?? defaultAppid;

  router.post('/login-code', (ctx) => {
    const b = z
      .object({
        openid: z.string().min(1).max(64),
        unionid: z.string().min(1).max(64).optional(),
        appid: z.string().optional(),
      })
      .parse(ctx.request.body);
    ctx.body = { code: state.mp.mintLoginCode(appidOf(b.appid), b.openid, b.unionid) };
  });
  router.post('/phone-code', (ctx) => {
    const b = z
      .object({
        phoneNumber: z.string().regex(/^\d{5,15}$/),
        countryCode: z
          .string()
          .regex(/^\d{1,4}$/)
          .default('86'),
        appid: z.string().optional(),
      })
      .parse(ctx.request.body);
    ctx.body = { code: state.mp.mintPhoneCode(appidOf(b.appid), b.phoneNumber, b.countryCode) };
  });
  router.post('/risky-users', (ctx) => {
    const b = z.object({ openid: z.string().min(1), risky: z.boolean() }).parse(ctx.request.body);
    if (b.risky) state.mp.riskyOpenids.add(b.openid);
    else state.mp.riskyOpenids.delete(b.openid);
    ctx.status = 204;
  });
  router.post('/risk-rank', (ctx) => {
    const b = z.object({ openid: z.string().min(1), rank: z.number().int().min(0).max(4) }).parse(ctx.request.body);
    state.mp.riskRanks.set(b.openid, b.rank);
    ctx.status = 204;
  });
  router.post('/faults', (ctx) => {
    const b = z
      .object({ api: ZApi, errcode: z.number().int(), times: z.number().int().positive().default(1) })
      .parse(ctx.request.body);
    const queue = state.faults.get(b.api as ApiName) ?? [];
    queue.push({ errcode: b.errcode, remaining: b.times });
    state.faults.set(b.api as ApiName, queue);
    ctx.status = 204;
  });
  router.post('/login-rate-limit', (ctx) => {
    state.mp.loginRateLimitPerMinute = z
      .object({ perMinute: z.number().int().positive() })
      .parse(ctx.request.body).perMinute;
    ctx.status = 204;
  });
  router.post('/clock', (ctx) => {
    // A year either way is more than any test needs; beyond it the Date arithmetic stops making sense.
    const b = z
      .object({
        advanceMs: z
          .number()
          .int()
          .min(-366 * 86_400_000)
          .max(366 * 86_400_000),
      })
      .parse(ctx.request.body);
    state.clockOffsetMs += b.advanceMs;
    ctx.body = { now: new Date(state.now()).toISOString() };
  });
  /** Makes every live access token of the app invalid, as a forced refresh elsewhere would. */
  router.post('/tokens/revoke', (ctx) => {
    const appid = appidOf(z.object({ appid: z.string().optional() }).parse(ctx.request.body ?? {}).appid);
    for (const t of state.mp.tokens.values()) if (t.appid === appid) t.revoked = true;
    ctx.status = 204;
  });
  router.get('/stats', (ctx) => {
    ctx.body = { calls: Object.fromEntries(state.calls) };
  });
  router.post('/reset', (ctx) => {
    state.reset();
    ctx.status = 204;
  });
  return router;
}
