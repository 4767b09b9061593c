import Router from '@koa/router';
import { z } from 'zod';
import type { SimState } from '../state.js';
import { tokenApi, wxError } from './reply.js';

/**
 * WeChat's `time` and `date` shapes, as its documentation gives them (docs/wechat.md §4): a 24-hour
 * `15:01`, optionally after a date written `2019年10月1日`; a range joins two of them with `~`. Nothing
 * else — a hyphenated `2019-10-01 15:01` is refused with 47003.
 */
const CLOCK = '(?:[01]?\\d|2[0-3]):[0-5]\\d';
const DAY = '\\d{4}年(?:0?[1-9]|1[0-2])月(?:0?[1-9]|[12]\\d|3[01])日';
const TIME_POINT = `(?:${DAY} )?${CLOCK}`;
const DATE_POINT = `${DAY}(?: ${CLOCK})?`;
const range = (point: string) => new RegExp(`^${point}(?:~${point})?$`);
const TIME = range(TIME_POINT);
const DATE = range(DATE_POINT);

/** WeChat's value rules per keyword type (docs/wechat.md §4): what it refuses with 47003. */
const VALID: Record<string, (v: string) => boolean> = {
  thing: (v) => Array.from(v).length <= 20,
  phrase: (v) => /^[\u4e00-\u9fa5]{0,5}$/.test(v),
  character_string: (v) => /^[\x21-\x7e]{0,32}$/.test(v),
  number: (v) => /^\d{0,32}(\.\d+)?$/.test(v) && v.replace('.', '').length <= 32,
  letter: (v) => /^[A-Za-z]{0,32}$/.test(v),
  symbol: (v) => Array.from(v).length <= 5,
  name: (v) => (/^[\u4e00-\u9fa5·]*$/.test(v) ? Array.from(v).length <= 10 : v.length <= 20),
  phone_number: (v) => /^[\d+\-() ]{0,17}$/.test(v),
  car_number: (v) => Array.from(v).length <= 8,
  amount: (v) => /^-?¥?\d{1,10}(\.\d{1,2})?元?$/.test(v),
  time: (v) => TIME.test(v),
  date: (v) => DATE.test(v),
};

export const KEYWORD_TYPES = Object.keys(VALID) as [string, ...string[]];

/**
 * How WeChat answers a keyword's value: `empty` for an empty (or blank) value of any type, `invalid`
 * for one that breaks its type's rule, null when it is accepted. Both are 47003.
 */
export function checkValue(type: string, value: unknown): 'empty' | 'invalid' | null {
  if (typeof value !== 'string' || value.trim() === '') return 'empty';
  return VALID[type]!(value) ? null : 'invalid';
}

/**
 * POST /cgi-bin/message/subscribe/send?access_token= — checks the token, the template, the page and
 * every field against its type; spends one of the user's one-time accepts (43101 when none is left);
 * records what it delivered. https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
 */
export function subscribeRoutes(state: SimState) {
  const router = new Router();
  const sub = state.mp.subscribe;
  router.post('/cgi-bin/message/subscribe/send', async (ctx) => {
    const http = sub.httpFaults;
    if (http.length) {
      ctx.status = http.shift()!;
      ctx.body = 'upstream error';
      return;
    }
    const appid = tokenApi(state, 'subscribe_send', ctx);
    if (appid === null) return;
    const body = (ctx.request.body ?? {}) as {
      touser?: unknown;
      template_id?: unknown;
      page?: unknown;
      data?: Record<string, { value?: unknown }>;
    };
    if (typeof body.touser !== 'string' || !body.touser) return void (ctx.body = wxError(40003));
    const template = typeof body.template_id === 'string' ? sub.templates.get(body.template_id) : undefined;
    if (!template) return void (ctx.body = wxError(40037));
    const page = typeof body.page === 'string' ? body.page.split('?')[0]! : '';
    if (body.page !== undefined && sub.pages && !sub.pages.has(page)) return void (ctx.body = wxError(41030));
    for (const [key, type] of Object.entries(template.keywords)) {
      const refused = checkValue(type, body.data?.[key]?.value);
      if (refused) {
        ctx.body = { errcode: 47003, errmsg: `argument invalid! data.${key}.value ${refused} rid: sim` };
        return;
      }
    }
    const creditKey = `${body.touser}|${body.template_id}`;
    const credit = sub.credits.get(creditKey) ?? 0;
    if (credit <= 0) return void (ctx.body = wxError(43101));
    sub.credits.set(creditKey, credit - 1);
    sub.delivered.push({
      touser: body.touser,
      templateId: body.template_id as string,
      page: body.page as string | undefined,
      data: body.data ?? {},
      at: state.now(),
    });
    // A test can hold the answer back after delivering, to kill the sender before it records success.
    if (sub.answerDelayMs) await new Promise((r) => setTimeout(r, sub.answerDelayMs));
    ctx.body = { errcode: 0, errmsg: 'ok' };
  });

  router.post('/sim/subscribe/templates', (ctx) => {
    const b = z
      .object({
        templates: z.array(
          z.object({
            id: z.string().min(1),
            keywords: z.record(z.string(), z.enum(KEYWORD_TYPES)),
          }),
        ),
        pages: z.array(z.string()).optional(),
      })
      .parse(ctx.request.body);
    for (const t of b.templates) sub.templates.set(t.id, { keywords: t.keywords });
    if (b.pages) sub.pages = new Set(b.pages);
    ctx.status = 204;
  });
  /** What users' taps in wx.requestSubscribeMessage did on WeChat's side: `times` accepts each. */
  const ZAccept = z.object({
    openid: z.string().min(1),
    templateId: z.string().min(1),
    times: z.number().int().min(1).max(10_000).default(1),
  });
  router.post('/sim/subscribe/accept', (ctx) => {
    const body = ctx.request.body as { items?: unknown } | undefined;
    const accepts = body && 'items' in body ? z.array(ZAccept).max(100_000).parse(body.items) : [ZAccept.parse(body)];
    for (const a of accepts) {
      const key = `${a.openid}|${a.templateId}`;
      sub.credits.set(key, (sub.credits.get(key) ?? 0) + a.times);
    }
    ctx.status = 204;
  });
  router.get('/sim/subscribe/delivered', (ctx) => {
    ctx.body = { items: sub.delivered };
  });
  router.post('/sim/subscribe/behaviour', (ctx) => {
    const b = z
      .object({
        http5xxTimes: z.number().int().min(0).max(10_000).optional(),
        answerDelayMs: z.number().int().min(0).max(60_000).optional(),
      })
      .parse(ctx.request.body);
    if (b.http5xxTimes !== undefined) sub.httpFaults = Array(b.http5xxTimes).fill(503);
    if (b.answerDelayMs !== undefined) sub.answerDelayMs = b.answerDelayMs;
    ctx.status = 204;
  });
  return router;
}
