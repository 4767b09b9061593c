import Router from '@koa/router';
import { z } from 'zod';
import type { SimState } from '../state.js';
import { buildNotification, notifyEvent } from './notify.js';
import { applyAbnormalRefund, payOrder, v3Routes } from './v3.js';
import { refundNotifyView, transactionView } from './views.js';

const ZFault = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('drop') }),
  z.object({ kind: z.literal('duplicate'), copies: z.number().int().min(2).max(50) }),
  z.object({ kind: z.literal('delay'), ms: z.number().int().min(1).max(60_000) }),
  z.object({ kind: z.literal('badSignature') }),
  z.object({ kind: z.literal('staleTimestamp') }),
  z.object({ kind: z.literal('outOfOrder') }),
]);

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The development-only stand-in for WeChat's pay sheet, for the H5 build (no WeChat client there). */
function confirmPage(title: string, body: string) {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title>
<style>body{font:18px/1.6 system-ui,sans-serif;margin:0;padding:24px;background:#f5f6f7;color:#1a1a1a}.card{background:#fff;border-radius:12px;padding:24px;max-width:420px;margin:0 auto}
.dev{background:#fff4e5;color:#8a4b00;padding:8px 12px;border-radius:8px;font-size:15px}.amount{font-size:36px;font-weight:600;margin:16px 0}
button{width:100%;font-size:20px;padding:14px;border:0;border-radius:10px;background:#07c160;color:#fff;margin-top:16px}</style></head>
<body><div class="card"><p class="dev">开发环境模拟支付 · 仅用于开发和测试，不会扣款</p>${body}</div></body></html>`;
}

/**
 * WeChat Pay: the v3 API the BFF calls, and test-only controls under /sim/pay — register a merchant,
 * pay an order as the resident would in the pay sheet, build (optionally spoiled) notifications,
 * inject delivery faults, read what was delivered.
 */
export function payRoutes(state: SimState) {
  const router = new Router();
  router.get('/sim/pay/public-key', (ctx) => {
    ctx.body = { publicKeyId: state.pay.publicKeyId, publicKeyPem: state.pay.publicKeyPem };
  });
  router.post('/sim/pay/merchants', (ctx) => {
    const m = z
      .object({
        mchid: z.string().regex(/^\d{8,12}$/),
        appid: z.string().min(1),
        serialNo: z.string().min(1),
        publicKeyPem: z.string().includes('PUBLIC KEY'),
        apiV3Key: z.string().length(32),
      })
      .parse(ctx.request.body);
    state.pay.merchants.set(m.mchid, m);
    ctx.status = 204;
  });
  router.post('/sim/pay/config', (ctx) => {
    const c = z
      .object({
        retryScale: z.number().positive().max(1).optional(),
        refundDelayMs: z.number().int().min(0).max(60_000).optional(),
        feeRateBp: z.number().int().min(0).max(1000).optional(),
      })
      .parse(ctx.request.body);
    if (c.retryScale !== undefined) state.pay.retryScale = c.retryScale;
    if (c.refundDelayMs !== undefined) state.pay.refundDelayMs = c.refundDelayMs;
    if (c.feeRateBp !== undefined) state.pay.feeRateBp = c.feeRateBp;
    ctx.status = 204;
  });
  router.post('/sim/pay/faults', (ctx) => {
    const f = z
      .object({
        notify: z.array(ZFault).max(100).default([]),
        prepaySystemErrors: z.number().int().min(0).max(10).default(0),
        prepayAnswerDelayMs: z.number().int().min(0).max(30_000).default(0),
        refundOutcomes: z
          .array(z.enum(['CLOSED', 'ABNORMAL']))
          .max(10)
          .default([]),
        /** The next closes answer 202 USER_PAYING; an order named in `userPaying` is being paid (query: USERPAYING). */
        closeUserPaying: z.number().int().min(0).max(10).default(0),
        userPaying: z.array(z.string()).max(10).default([]),
        closeSystemErrors: z.number().int().min(0).max(10).default(0),
      })
      .parse(ctx.request.body);
    state.pay.closeUserPaying += f.closeUserPaying;
    state.pay.closeSystemErrors += f.closeSystemErrors;
    for (const no of f.userPaying) {
      const o = state.pay.orders.get(no);
      if (o && o.state === 'NOTPAY') o.state = 'USERPAYING';
    }
    state.pay.refundOutcomes.push(...f.refundOutcomes);
    state.pay.notifyFaults.push(...f.notify);
    state.pay.prepaySystemErrors += f.prepaySystemErrors;
    state.pay.prepayAnswerDelayMs = f.prepayAnswerDelayMs;
    ctx.status = 204;
  });
  router.post('/sim/pay/pay', (ctx) => {
    const b = z
      .object({
        outTradeNo: z.string().optional(),
        prepayId: z.string().optional(),
        notify: z.boolean().default(true),
        /** The payer uses a 免充值 (merchant-funded) coupon of this much. */
        couponFen: z.number().int().min(1).optional(),
        /** The payer was in the password step before the order was closed (or expired): paid anyway. */
        enteredPasswordBeforeClose: z.boolean().default(false),
      })
      .parse(ctx.request.body);
    const order = b.outTradeNo
      ? state.pay.orders.get(b.outTradeNo)
      : b.prepayId
        ? state.pay.orderByPrepayId(b.prepayId)
        : undefined;
    if (!order) return ctx.throw(404, 'no such order');
    const paid = payOrder(state, order, {
      notify: b.notify,
      couponFen: b.couponFen,
      enteredPasswordBeforeClose: b.enteredPasswordBeforeClose,
    });
    if (!paid.ok) ctx.throw(409, paid.reason);
    ctx.body = transactionView(order);
  });
  /**
   * The merchant's 发起异常退款 for an ABNORMAL refund (WeChat's API is
   * POST /v3/refund/domestic/refunds/{refund_id}/apply-abnormal-refund, its card details encrypted;
   * here a /sim/ control with the same `type`): see applyAbnormalRefund.
   */
  router.post('/sim/pay/refunds/:no/apply-abnormal-refund', (ctx) => {
    const b = z
      .object({
        type: z.enum(['USER_BANK_CARD', 'MERCHANT_BANK_CARD']),
        bankType: z.string().optional(),
        cardTail: z
          .string()
          .regex(/^\d{4}$/)
          .optional(),
      })
      .parse(ctx.request.body);
    const refund = state.pay.refunds.get(ctx.params.no!);
    if (!refund) return ctx.throw(404, 'no such refund');
    const done = applyAbnormalRefund(state, refund, b);
    if (!done.ok) ctx.throw(409, done.reason);
    ctx.status = 204;
  });
  /** Volume tests only: serve this file (already in WeChat's format) as the bill of `day`. */
  router.post('/sim/pay/bill-file', (ctx) => {
    const b = z
      .object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), path: z.string().min(1).nullable() })
      .parse(ctx.request.body);
    if (b.path) state.pay.billFiles.set(b.day, b.path);
    else state.pay.billFiles.delete(b.day);
    ctx.status = 204;
  });
  router.post('/sim/pay/bill-faults', (ctx) => {
    const f = z
      .object({
        omit: z.array(z.string()).default([]),
        amounts: z.record(z.string(), z.number().int()).default({}),
        states: z.record(z.string(), z.string()).default({}),
        truncate: z.boolean().default(false),
        badHash: z.boolean().default(false),
        extraColumn: z.boolean().default(false),
        summaryOff: z.boolean().default(false),
      })
      .parse(ctx.request.body);
    state.pay.billFaults = f;
    ctx.status = 204;
  });
  router.get('/sim/pay/orders/:no', (ctx) => {
    const order = state.pay.orders.get(ctx.params.no!);
    if (!order) return ctx.throw(404, 'no such order');
    ctx.body = transactionView(order);
  });
  router.post('/sim/pay/notifications', (ctx) => {
    const b = z
      .object({
        outTradeNo: z.string(),
        url: z.url(),
        tamper: z.enum(['signature', 'stale', 'serial', 'signtest', 'ciphertext', 'algorithm']).optional(),
        /** Fields to overwrite in the decrypted resource (e.g. a different amount). */
        patch: z.record(z.string(), z.unknown()).default({}),
        /** A refund notification of this refund instead (e.g. a late or repeated one), of this event type. */
        outRefundNo: z.string().optional(),
        refundEvent: z.enum(['REFUND.SUCCESS', 'REFUND.ABNORMAL', 'REFUND.CLOSED']).default('REFUND.SUCCESS'),
      })
      .parse(ctx.request.body);
    const order = state.pay.orders.get(b.outTradeNo);
    if (!order) return ctx.throw(404, 'no such order');
    const refund = b.outRefundNo ? state.pay.refunds.get(b.outRefundNo) : undefined;
    if (b.outRefundNo && !refund) return ctx.throw(404, 'no such refund');
    const event = refund
      ? notifyEvent(state.pay.merchants.get(order.mchid)!, b.url, b.refundEvent, order.outTradeNo, {
          ...refundNotifyView(refund),
          refund_status: b.refundEvent.slice('REFUND.'.length),
          ...b.patch,
        })
      : notifyEvent(state.pay.merchants.get(order.mchid)!, b.url, 'TRANSACTION.SUCCESS', order.outTradeNo, {
          ...transactionView(order),
          ...b.patch,
        });
    ctx.body = buildNotification(state, event, b.tamper);
  });
  router.get('/sim/pay/deliveries', (ctx) => {
    const no = typeof ctx.query.outTradeNo === 'string' ? ctx.query.outTradeNo : undefined;
    ctx.body = state.pay.deliveries.filter((d) => !no || d.outTradeNo === no);
  });
  router.get('/sim/pay/confirm', (ctx) => {
    const prepayId = String(ctx.query.prepay_id ?? '');
    const order = state.pay.orderByPrepayId(prepayId);
    ctx.type = 'html';
    if (!order)
      return void (ctx.body = confirmPage('模拟支付', '<p>找不到这笔订单，它可能已过期，请返回重新支付。</p>'));
    ctx.body = confirmPage(
      '模拟支付',
      `<p>${escapeHtml(order.description)}</p><p class="amount">¥${(order.totalFen / 100).toFixed(2)}</p>
<form method="post" action="/sim/pay/confirm"><input type="hidden" name="prepay_id" value="${escapeHtml(prepayId)}"><button type="submit">确认支付</button></form>`,
    );
  });
  router.post('/sim/pay/confirm', async (ctx) => {
    const raw = await new Promise<string>((resolve) => {
      let s = '';
      ctx.req.on('data', (c: Buffer) => (s += c.toString('utf8')));
      ctx.req.on('end', () => resolve(s));
    });
    const order = state.pay.orderByPrepayId(new URLSearchParams(raw).get('prepay_id') ?? '');
    const paid = order ? payOrder(state, order) : { ok: false as const, reason: '找不到这笔订单' };
    ctx.type = 'html';
    ctx.body = confirmPage(
      '模拟支付',
      paid.ok
        ? '<p class="amount">支付成功</p><p>请关闭此页，返回物业通查看结果。</p>'
        : `<p>${escapeHtml(paid.reason)}</p>`,
    );
  });
  router.use(v3Routes(state).routes());
  return router;
}
