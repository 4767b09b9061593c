import Router from '@koa/router';
import type { Context } from 'koa';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { tradeBill } from './trade-bill.js';

const sha1OfFile = async (path: string) => {
  const hash = createHash('sha1');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
};
import { z } from 'zod';
import type { SimState } from '../state.js';
import { signedHeaders, verifyMerchantRequest } from './crypto.js';
import { deliverNotification, notifyEvent } from './notify.js';
import type { Merchant, SimOrder, SimRefund } from './state.js';
import { refundNotifyView, refundView, rfc3339, transactionView } from './views.js';

type V3Context = Context & { state: { merchant: Merchant } };

/** A signed answer, as WeChat Pay gives every v3 answer (errors too). */
function reply(state: SimState, ctx: Context, status: number, body?: object) {
  const text = body === undefined ? '' : JSON.stringify(body);
  ctx.status = status;
  for (const [k, v] of Object.entries(signedHeaders(state.pay, text, state.now()))) ctx.set(k, v);
  if (body !== undefined) {
    ctx.type = 'application/json';
    ctx.body = text;
  }
}

const fail = (state: SimState, ctx: Context, status: number, code: string, message: string) =>
  reply(state, ctx, status, { code, message });

const ZPrepay = z.object({
  appid: z.string(),
  mchid: z.string(),
  description: z.string().min(1).max(127),
  out_trade_no: z.string().regex(/^[0-9A-Za-z_\-|*]{6,32}$/),
  time_expire: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$/)
    .optional(),
  attach: z.string().max(128).optional(),
  // https without a query string; plain http is let through for loopback only (this twin runs locally)
  notify_url: z
    .url()
    .refine((u) => !u.includes('?') && (u.startsWith('https://') || /^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(u))),
  amount: z.object({ total: z.number().int().min(1), currency: z.literal('CNY').default('CNY') }),
  payer: z.object({ openid: z.string().min(1) }),
});

const ZRefund = z.object({
  out_trade_no: z.string().optional(),
  transaction_id: z.string().optional(),
  out_refund_no: z.string().regex(/^[0-9A-Za-z_\-|*@]{1,64}$/),
  reason: z.string().max(80).optional(),
  notify_url: z.url().optional(),
  amount: z.object({ refund: z.number().int().min(1), total: z.number().int().min(1), currency: z.literal('CNY') }),
});

function findOrder(state: SimState, mchid: string, outTradeNo: string): SimOrder | undefined {
  const o = state.pay.orders.get(outTradeNo);
  return o && o.mchid === mchid ? o : undefined;
}

/** How long after a close a payer already in the password step may still complete (simulator assumption). */
export const LATE_PAY_WINDOW_MS = 60_000;

/** Marks an order paid at WeChat and sends the notification (the resident confirmed in the pay sheet). */
export function payOrder(
  state: SimState,
  order: SimOrder,
  opts: { notify?: boolean; couponFen?: number; enteredPasswordBeforeClose?: boolean } = {},
): { ok: true } | { ok: false; reason: string } {
  if (order.state === 'SUCCESS' || order.state === 'REFUND') return { ok: false, reason: '订单已支付' };
  // WeChat refuses every payment after the order's time_expire (JSAPI 下单: time_expire 订单失效时间),
  // a late payer's too: the window below never reaches past it.
  if (order.timeExpire && state.now() > Date.parse(order.timeExpire)) return { ok: false, reason: '订单已过期' };
  // Not documented WeChat behaviour but our defensive assumption (docs/wechat.md §5, Query and close):
  // a payer already in the password step when the merchant closed the order completes it — only within
  // LATE_PAY_WINDOW_MS of the close, by this simulator's clock, and before time_expire (above).
  const late =
    opts.enteredPasswordBeforeClose === true &&
    order.state === 'CLOSED' &&
    order.closedAt !== undefined &&
    state.now() - order.closedAt <= LATE_PAY_WINDOW_MS;
  if (order.state === 'CLOSED' && !late) return { ok: false, reason: '订单已关闭' };
  if (opts.couponFen !== undefined && opts.couponFen >= order.totalFen)
    return { ok: false, reason: '代金券金额须小于订单金额' };
  if (opts.couponFen) order.couponFen = opts.couponFen;
  order.state = 'SUCCESS';
  order.transactionId = state.pay.nextId('transaction');
  order.successTime = rfc3339(state.now());
  const merchant = state.pay.merchants.get(order.mchid)!;
  if (opts.notify !== false)
    deliverNotification(
      state,
      notifyEvent(merchant, order.notifyUrl, 'TRANSACTION.SUCCESS', order.outTradeNo, transactionView(order)),
    );
  return { ok: true };
}

/** WeChat's refund notification for a refund's current status (REFUND.SUCCESS / .ABNORMAL / .CLOSED), if it gave a notify_url. */
function notifyRefund(state: SimState, refund: SimRefund) {
  const merchant = state.pay.merchants.get(refund.mchid)!;
  if (refund.notifyUrl)
    deliverNotification(
      state,
      notifyEvent(
        merchant,
        refund.notifyUrl,
        `REFUND.${refund.status as 'SUCCESS' | 'ABNORMAL' | 'CLOSED'}`,
        refund.outTradeNo,
        refundNotifyView(refund),
      ),
    );
}

/**
 * 发起异常退款 (https://pay.weixin.qq.com/doc/v3/merchant/4013071193; docs/wechat.md §5, Refunds): the
 * only way out of ABNORMAL. USER_BANK_CARD pays the resident's other card: PROCESSING again, then
 * SUCCESS with channel OTHER_BANKCARD and that card as user_received_account. MERCHANT_BANK_CARD sends
 * the money back to the merchant's settlement account: SUCCESS at once, to 商户结算银行账户 — the
 * resident got nothing. WeChat sends REFUND.SUCCESS when it succeeds (subject to the notify faults).
 */
export function applyAbnormalRefund(
  state: SimState,
  refund: SimRefund,
  req: { type: 'USER_BANK_CARD' | 'MERCHANT_BANK_CARD'; bankType?: string; cardTail?: string },
): { ok: true } | { ok: false; reason: string } {
  if (refund.status !== 'ABNORMAL') return { ok: false, reason: `退款状态为 ${refund.status}，不是 ABNORMAL` };
  refund.channel = 'OTHER_BANKCARD';
  delete refund.outcome;
  if (req.type === 'USER_BANK_CARD') {
    refund.account = `${req.bankType ?? '工商银行借记卡'}${req.cardTail ?? '1234'}`;
    refund.status = 'PROCESSING';
    settleRefund(state, refund);
    return { ok: true };
  }
  refund.account = '商户结算银行账户';
  refund.status = 'SUCCESS';
  refund.successTime = rfc3339(state.now());
  notifyRefund(state, refund);
  return { ok: true };
}

function settleRefund(state: SimState, refund: SimRefund) {
  setTimeout(() => {
    if (refund.status !== 'PROCESSING') return;
    if (refund.outcome) {
      refund.status = refund.outcome;
      // WeChat marks a refund ABNORMAL when the payer's card, its original route, is frozen or cancelled.
      if (refund.outcome === 'ABNORMAL') refund.account = '招商银行信用卡0403';
      // A CLOSED refund paid nothing out: its amount is refundable again (under a new out_refund_no).
      if (refund.outcome === 'CLOSED') {
        const order = state.pay.orders.get(refund.outTradeNo);
        if (order) order.refundedFen -= refund.refundFen;
      }
      refund.closeTime = rfc3339(state.now());
    } else {
      refund.status = 'SUCCESS';
      refund.successTime = rfc3339(state.now());
    }
    notifyRefund(state, refund);
  }, state.pay.refundDelayMs);
}

/** api.mch.weixin.qq.com/v3: every request must carry a valid merchant signature; every answer is signed. */
export function v3Routes(state: SimState) {
  const router = new Router({ prefix: '/v3' });
  router.use(async (ctx, next) => {
    const raw = (ctx.request as { rawBody?: string }).rawBody ?? '';
    const merchant = verifyMerchantRequest(
      state.pay,
      ctx.method,
      ctx.originalUrl,
      ctx.method === 'GET' ? '' : raw,
      ctx.get('authorization'),
    );
    if (!merchant) return fail(state, ctx, 401, 'SIGN_ERROR', '签名错误，请检查后再试');
    (ctx as V3Context).state.merchant = merchant;
    await next();
  });

  router.post('/pay/transactions/jsapi', async (ctx) => {
    const merchant = (ctx as V3Context).state.merchant;
    const parsed = ZPrepay.safeParse(ctx.request.body);
    if (!parsed.success)
      return fail(
        state,
        ctx,
        400,
        'PARAM_ERROR',
        `参数错误：${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`,
      );
    const b = parsed.data;
    if (b.mchid !== merchant.mchid || b.appid !== merchant.appid)
      return fail(state, ctx, 400, 'PARAM_ERROR', 'appid和mch_id不匹配');
    if (state.pay.prepaySystemErrors > 0) {
      state.pay.prepaySystemErrors -= 1;
      return fail(state, ctx, 500, 'SYSTEM_ERROR', '系统错误');
    }
    const fingerprint = createHash('sha256')
      .update(JSON.stringify([b.description, b.amount.total, b.payer.openid, b.attach ?? '']))
      .digest('hex');
    const existing = state.pay.orders.get(b.out_trade_no);
    if (existing) {
      if (existing.fingerprint !== fingerprint) return fail(state, ctx, 400, 'OUT_TRADE_NO_USED', '商户订单号重复');
      if (existing.state === 'SUCCESS' || existing.state === 'REFUND')
        return fail(state, ctx, 400, 'ORDERPAID', '该订单已支付');
      if (existing.state === 'CLOSED') return fail(state, ctx, 400, 'ORDER_CLOSED', '当前订单已关闭，请重新下单');
      return reply(state, ctx, 200, { prepay_id: existing.prepayId });
    }
    const order: SimOrder = {
      mchid: b.mchid,
      appid: b.appid,
      outTradeNo: b.out_trade_no,
      description: b.description,
      totalFen: b.amount.total,
      openid: b.payer.openid,
      notifyUrl: b.notify_url,
      timeExpire: b.time_expire ?? rfc3339(state.now() + 2 * 3600_000),
      ...(b.attach ? { attach: b.attach } : {}),
      prepayId: state.pay.nextId('prepay'),
      fingerprint,
      state: 'NOTPAY',
      refundedFen: 0,
    };
    state.pay.orders.set(order.outTradeNo, order);
    const hold = state.pay.prepayAnswerDelayMs;
    state.pay.prepayAnswerDelayMs = 0;
    if (hold) await new Promise((r) => setTimeout(r, hold));
    reply(state, ctx, 200, { prepay_id: order.prepayId });
  });

  router.get('/pay/transactions/out-trade-no/:no', (ctx) => {
    const order = findOrder(state, String(ctx.query.mchid ?? ''), ctx.params.no!);
    if (!order) return fail(state, ctx, 404, 'ORDER_NOT_EXIST', '订单不存在');
    reply(state, ctx, 200, transactionView(order));
  });

  router.post('/pay/transactions/out-trade-no/:no/close', (ctx) => {
    const mchid = z.object({ mchid: z.string() }).safeParse(ctx.request.body);
    const order = mchid.success ? findOrder(state, mchid.data.mchid, ctx.params.no!) : undefined;
    if (!order) return fail(state, ctx, 404, 'ORDER_NOT_EXIST', '订单不存在');
    // 关闭订单 (https://pay.weixin.qq.com/doc/v3/merchant/4012556398; docs/wechat.md §5, Query and close)
    if (state.pay.closeSystemErrors > 0) {
      state.pay.closeSystemErrors -= 1;
      return fail(state, ctx, 500, 'SYSTEM_ERROR', '系统错误');
    }
    if (order.state === 'SUCCESS' || order.state === 'REFUND') return fail(state, ctx, 400, 'ORDERPAID', '订单已支付');
    if (order.state === 'CLOSED') return fail(state, ctx, 400, 'ORDER_CLOSED', '订单已关闭');
    if (state.pay.closeUserPaying > 0 || order.state === 'USERPAYING') {
      state.pay.closeUserPaying = Math.max(0, state.pay.closeUserPaying - 1);
      order.state = 'USERPAYING';
      return fail(state, ctx, 202, 'USER_PAYING', '用户支付中，需要输入密码');
    }
    order.state = 'CLOSED';
    order.closedAt = state.now();
    reply(state, ctx, 204);
  });

  router.post('/refund/domestic/refunds', (ctx) => {
    const merchant = (ctx as V3Context).state.merchant;
    const parsed = ZRefund.safeParse(ctx.request.body);
    if (!parsed.success) return fail(state, ctx, 400, 'PARAM_ERROR', '参数错误');
    const b = parsed.data;
    const order = b.out_trade_no
      ? findOrder(state, merchant.mchid, b.out_trade_no)
      : [...state.pay.orders.values()].find((o) => o.transactionId === b.transaction_id && o.mchid === merchant.mchid);
    if (!order) return fail(state, ctx, 404, 'RESOURCE_NOT_EXISTS', '订单不存在');
    const existing = state.pay.refunds.get(b.out_refund_no);
    if (existing) return reply(state, ctx, 200, refundView(existing));
    if (order.state !== 'SUCCESS' && order.state !== 'REFUND')
      return fail(state, ctx, 400, 'INVALID_REQUEST', '订单未支付，无法退款');
    if (b.amount.total !== order.totalFen) return fail(state, ctx, 400, 'PARAM_ERROR', '订单金额与原订单不一致');
    if (order.refundedFen + b.amount.refund > order.totalFen)
      return fail(state, ctx, 403, 'NOT_ENOUGH', '订单可退余额不足');
    // The 免充值 coupon gets its share back: in proportion, and the rest of it with the refund that empties the order.
    const coupon = order.couponFen ?? 0;
    const couponBack = [...state.pay.refunds.values()]
      .filter((r) => r.outTradeNo === order.outTradeNo)
      .reduce((s, r) => s + r.couponRefundFen, 0);
    order.refundedFen += b.amount.refund;
    const couponRefundFen =
      order.refundedFen === order.totalFen
        ? coupon - couponBack
        : Math.floor((b.amount.refund * coupon) / order.totalFen);
    order.state = 'REFUND';
    const refund: SimRefund = {
      mchid: merchant.mchid,
      outTradeNo: order.outTradeNo,
      transactionId: order.transactionId!,
      outRefundNo: b.out_refund_no,
      refundId: state.pay.nextId('refund'),
      refundFen: b.amount.refund,
      couponRefundFen,
      ...(coupon ? { orderCouponFen: coupon } : {}),
      totalFen: order.totalFen,
      status: 'PROCESSING',
      createTime: rfc3339(state.now()),
      ...(state.pay.refundOutcomes.length ? { outcome: state.pay.refundOutcomes.shift()! } : {}),
      ...(b.notify_url ? { notifyUrl: b.notify_url } : {}),
    };
    state.pay.refunds.set(refund.outRefundNo, refund);
    settleRefund(state, refund);
    reply(state, ctx, 200, refundView(refund));
  });

  router.get('/refund/domestic/refunds/:no', (ctx) => {
    const refund = state.pay.refunds.get(ctx.params.no!);
    if (!refund || refund.mchid !== (ctx as V3Context).state.merchant.mchid)
      return fail(state, ctx, 404, 'RESOURCE_NOT_EXISTS', '退款单不存在');
    reply(state, ctx, 200, refundView(refund));
  });

  // The day's bill is ready from 10:00 the next day (Beijing); before that WeChat says there is none.
  router.get('/bill/tradebill', async (ctx) => {
    const merchant = (ctx as V3Context).state.merchant;
    const day = String(ctx.query.bill_date ?? '');
    const type = String(ctx.query.bill_type ?? 'ALL');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !['ALL', 'SUCCESS', 'REFUND'].includes(type))
      return fail(state, ctx, 400, 'PARAM_ERROR', '参数错误');
    const readyAt = Date.parse(`${day}T10:00:00+08:00`) + 86_400_000;
    if (state.now() < readyAt) return fail(state, ctx, 400, 'NO_STATEMENT_EXIST', '账单尚未生成，请在次日10点后下载');
    const file = state.pay.billFiles.get(day);
    const bill = file
      ? { content: { path: file }, sha1: await sha1OfFile(file) }
      : tradeBill(state.pay, merchant.mchid, day, type as 'ALL', state.pay.billFaults, state.pay.feeRateBp);
    const token = randomBytes(16).toString('hex');
    state.pay.downloads.set(token, { content: bill.content, expiresAt: Date.now() + 60_000 });
    reply(state, ctx, 200, {
      hash_type: 'SHA1',
      hash_value: bill.sha1,
      download_url: `https://api.mch.weixin.qq.com/v3/billdownload/file?token=${token}`,
    });
  });
  // The download itself is signed by the merchant but not by WeChat: the SHA-1 is the check.
  router.get('/billdownload/file', (ctx) => {
    const found = state.pay.downloads.get(String(ctx.query.token ?? ''));
    if (!found || found.expiresAt < Date.now())
      return fail(state, ctx, 400, 'INVALID_REQUEST', '下载链接已过期，请重新申请');
    ctx.type = 'text/csv; charset=utf-8';
    ctx.body = typeof found.content === 'string' ? found.content : createReadStream(found.content.path);
  });

  router.all('/*rest', (ctx) => fail(state, ctx, 404, 'NOT_FOUND', '请求的资源不存在'));
  return router;
}
