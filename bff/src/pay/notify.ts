import { z } from 'zod';
import type { Deps } from '../deps.js';
import { decryptResource, verifyWechatSignature } from '../wechat/pay-signature.js';
import { ZPaymentResource, ZRefundResource } from '../wechat/pay-resources.js';
import { applyTransaction } from './apply-transaction.js';
import { applyRefundResult } from './refunds.js';

export type NotifyAnswer = { status: 204 } | { status: 400 | 401 | 500; message: string };
/** What a notification did, for `wyt_pay_notifies_total` (docs/production.md, Metrics). */
type Counted = NotifyAnswer & { outcome?: string };
const done = (outcome: string): Counted => ({ status: 204, outcome });

const MAX_SKEW_SECONDS = 300;
const refuse = (status: 400 | 401 | 500, message: string): NotifyAnswer => ({ status, message });

/**
 * Orders already settled, remembered by this process: PAID is final, so a duplicate notify for one
 * of them is acknowledged after the signature check without touching the database.
 */
const settled = new Map<string, true>();
const SETTLED_MAX = 20_000;
function remember(outTradeNo: string) {
  settled.set(outTradeNo, true);
  if (settled.size > SETTLED_MAX) settled.delete(settled.keys().next().value!);
}

/** The notification's body before decryption; what is checked beyond this is checked in order below. */
const ZEnvelope = z.looseObject({
  id: z.string().optional(),
  event_type: z.string().optional(),
  resource: z
    .looseObject({
      algorithm: z.string().optional(),
      ciphertext: z.string().optional(),
      nonce: z.string().optional(),
      associated_data: z.string().optional(),
    })
    .optional(),
});

/**
 * A payment or refund notification (docs/wechat.md §5; docs/conventions.md rule 5: a trigger, not the truth).
 * Checks in order, over the raw body: headers present → timestamp within ±300 s → serial known (never
 * fetched here) → RSA signature (SIGNTEST probes fail) → algorithm → AES-256-GCM decryption → parse.
 * Then the same state change a query would make. 204 when done or already done; 4xx for what is not
 * WeChat's; 5xx for what we cannot process yet, so WeChat retries.
 */
export async function handleNotify(
  deps: Deps,
  headers: Record<string, string | undefined>,
  raw: Buffer,
  expect: 'transaction' | 'refund',
): Promise<NotifyAnswer> {
  const { outcome, ...answer } = await answerNotify(deps, headers, raw, expect);
  const fallback = answer.status === 204 ? 'acknowledged' : answer.status === 500 ? 'retry_later' : 'refused';
  deps.metrics.payNotifies.inc({ kind: expect, outcome: outcome ?? fallback });
  return answer as NotifyAnswer;
}

async function answerNotify(
  deps: Deps,
  headers: Record<string, string | undefined>,
  raw: Buffer,
  expect: 'transaction' | 'refund',
): Promise<Counted> {
  const pay = deps.config.pay;
  if (!pay) return refuse(500, '未配置微信支付');
  const timestamp = headers['wechatpay-timestamp'];
  const nonce = headers['wechatpay-nonce'];
  const signature = headers['wechatpay-signature'];
  const serial = headers['wechatpay-serial'];
  if (!timestamp || !nonce || !signature || !serial) return refuse(400, '缺少 Wechatpay 签名头');
  if (
    !/^\d{1,12}$/.test(timestamp) ||
    Math.abs(deps.clock.now().getTime() / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS
  )
    return refuse(401, '时间戳超出允许范围');
  if (!pay.verifyKeys[serial]) return refuse(401, '未知的 Wechatpay-Serial');
  const body = raw.toString('utf8');
  if (!verifyWechatSignature(pay.verifyKeys, { timestamp, nonce, signature, serial }, body))
    return refuse(401, '签名验证失败');

  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return refuse(400, '通知内容不是 JSON');
  }
  const parsedEnvelope = ZEnvelope.safeParse(json);
  const envelope = parsedEnvelope.success ? parsedEnvelope.data : {};
  const r = envelope.resource;
  if (!r || r.algorithm !== 'AEAD_AES_256_GCM' || !r.ciphertext || !r.nonce)
    return refuse(400, '不支持的通知资源或加密算法');
  let resource: unknown;
  try {
    resource = JSON.parse(
      decryptResource(pay.apiV3Key, {
        ciphertext: r.ciphertext,
        nonce: r.nonce,
        associated_data: r.associated_data ?? '',
      }),
    );
  } catch {
    return refuse(400, '通知资源解密失败');
  }

  try {
    if (expect === 'transaction' && envelope.event_type === 'TRANSACTION.SUCCESS') {
      const parsed = ZPaymentResource.safeParse(resource);
      if (!parsed.success) return unreadable(deps, envelope, parsed.error);
      const t = parsed.data;
      if (settled.has(t.out_trade_no)) return done('duplicate');
      const outcome = await applyTransaction(deps, t);
      if (outcome === 'unknown-order') return { ...refuse(500, '订单暂未找到，请稍后重试'), outcome: 'unknown_order' };
      if (outcome === 'applied' || outcome === 'duplicate') remember(t.out_trade_no);
      return done(outcome.replace(/-/g, '_'));
    }
    if (expect === 'refund' && envelope.event_type?.startsWith('REFUND.')) {
      const parsed = ZRefundResource.safeParse(resource);
      if (!parsed.success) return unreadable(deps, envelope, parsed.error);
      const x = parsed.data;
      const outcome = await applyRefundResult(deps, {
        out_refund_no: x.out_refund_no,
        refund_id: x.refund_id,
        status: x.refund_status,
        success_time: x.success_time,
        user_received_account: x.user_received_account,
      });
      return outcome === 'unknown'
        ? { ...refuse(500, '退款单暂未找到，请稍后重试'), outcome: 'unknown_refund' }
        : done(outcome);
    }
  } catch (err) {
    deps.logger.error(
      { err: (err as Error).message, event: envelope.event_type },
      'notification not processed, WeChat will retry',
    );
    return { ...refuse(500, '暂时无法处理，请稍后重试'), outcome: 'error' };
  }
  deps.logger.warn({ event: envelope.event_type, expect }, 'notification of an unexpected type acknowledged');
  return done('ignored');
}

/**
 * A resource that decrypted but is not what WeChat documents (a required field missing or of another
 * type): refused like one that does not decrypt (400, so WeChat retries; the query job settles the
 * order meanwhile), and logged with the fields at fault — never the resource, which names the payer.
 */
function unreadable(deps: Deps, envelope: { id?: string; event_type?: string }, error: z.ZodError): Counted {
  deps.logger.error(
    { notification: envelope.id, event: envelope.event_type, issues: z.prettifyError(error) },
    'pay notification resource does not match its schema',
  );
  return { ...refuse(400, '通知资源内容不完整'), outcome: 'unreadable' };
}
