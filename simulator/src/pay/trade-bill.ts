import { createHash, randomBytes } from 'node:crypto';
import type { PayState, SimOrder, SimRefund } from './state.js';

/**
 * The day's trade bill as WeChat Pay writes it (docs/wechat.md §5): Chinese headers, every value
 * prefixed with a backtick, yuan with two decimals but fees (手续费, 手续费总金额) with five, CRLF line
 * ends, a row per payment (on the day it succeeded) and a row per refund (on the day it was accepted,
 * with its status when the bill was cut), then the summary. Fees at the merchant's rate (0.60% unless
 * configured; 0.54% and others exist), rounded half up to the fen per row as the public samples show,
 * given back as a negative on a refund row.
 */
export const COLUMNS = [
  '交易时间',
  '公众账号ID',
  '商户号',
  '特约商户号',
  '设备号',
  '微信订单号',
  '商户订单号',
  '用户标识',
  '交易类型',
  '交易状态',
  '付款银行',
  '货币种类',
  '应结订单金额',
  '代金券金额',
  '微信退款单号',
  '商户退款单号',
  '退款金额',
  '充值券退款金额',
  '退款类型',
  '退款状态',
  '商品名称',
  '商户数据包',
  '手续费',
  '费率',
  '订单金额',
  '申请退款金额',
  '费率备注',
];
export const SUMMARY = [
  '总交易单数',
  '应结订单总金额',
  '退款总金额',
  '充值券退款总金额',
  '手续费总金额',
  '订单总金额',
  '申请退款总金额',
];

/** Switches for the next bill: differences between WeChat's records and the merchant's, and broken files. */
export type BillFaults = {
  /** Orders WeChat leaves out of the bill (so only the merchant has them). */
  omit: string[];
  /** Orders WeChat writes with another amount. */
  amounts: Record<string, number>;
  /** Orders WeChat writes with another state (e.g. REVOKED). */
  states: Record<string, string>;
  truncate: boolean;
  badHash: boolean;
  extraColumn: boolean;
  summaryOff: boolean;
};

export const noBillFaults = (): BillFaults => ({
  omit: [],
  amounts: {},
  states: {},
  truncate: false,
  badHash: false,
  extraColumn: false,
  summaryOff: false,
});

export const yuan = (fen: number) =>
  `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
/** 1/1000 fen as WeChat writes a fee: yuan with five decimals ("0.32000", "-0.27000"). */
export const feeYuan = (milliFen: number) =>
  `${milliFen < 0 ? '-' : ''}${Math.floor(Math.abs(milliFen) / 100_000)}.${String(Math.abs(milliFen) % 100_000).padStart(5, '0')}`;
/** The fee on `fen` at `rateBp` (hundredths of a percent: 60 = 0.60%), rounded half up to the fen, in 1/1000 fen; negative for a negative amount. */
export const fee = (fen: number, rateBp = 60) =>
  Math.sign(fen) * Math.floor((Math.abs(fen) * rateBp + 5000) / 10_000) * 1000 || 0;
/** "0.60%" from 60. */
export const rateText = (rateBp: number) => `${Math.floor(rateBp / 100)}.${String(rateBp % 100).padStart(2, '0')}%`;
const beijing = (rfc: string) => rfc.slice(0, 19).replace('T', ' ');
export const q = (v: string) => `\`${v}`;

export function paymentRow(o: SimOrder, f: BillFaults, rateBp = 60): string[] {
  const total = f.amounts[o.outTradeNo] ?? o.totalFen;
  const coupon = o.couponFen ?? 0; // 免充值: not settled to the merchant, so no fee on it
  const settle = total - coupon;
  return [
    beijing(o.successTime!),
    o.appid,
    o.mchid,
    '0',
    '',
    o.transactionId!,
    o.outTradeNo,
    o.openid,
    'JSAPI',
    f.states[o.outTradeNo] ?? 'SUCCESS',
    'OTHERS',
    'CNY',
    yuan(settle),
    yuan(coupon),
    '0',
    '0',
    '0.00',
    '0.00',
    '',
    '',
    o.description,
    o.attach ?? '',
    feeYuan(fee(settle, rateBp)),
    rateText(rateBp),
    yuan(total),
    '0.00',
    '',
  ];
}

/**
 * A refund's row: dated when WeChat accepted it (商户退款受理成功时间), its 退款状态 what it was when the
 * bill was cut (the end of that day) — PROCESSING if it succeeded only afterwards — and never updated.
 */
function refundRow(r: SimRefund, o: SimOrder, day: string, rateBp: number): string[] {
  // 退款金额 = 申请退款金额 − 非充值代金券退款金额: the 免充值 coupon's share is not money back to the payer.
  const settled = r.refundFen - r.couponRefundFen;
  const endedAt = r.status === 'SUCCESS' ? r.successTime : r.closeTime;
  const status = r.status !== 'PROCESSING' && endedAt && endedAt.slice(0, 10) <= day ? r.status : 'PROCESSING';
  return [
    beijing(r.createTime),
    o.appid,
    r.mchid,
    '0',
    '',
    r.transactionId,
    r.outTradeNo,
    o.openid,
    'JSAPI',
    'REFUND',
    'OTHERS',
    'CNY',
    '0.00',
    '0.00',
    r.refundId,
    r.outRefundNo,
    yuan(settled),
    '0.00',
    'ORIGINAL',
    status,
    o.description,
    o.attach ?? '',
    feeYuan(-fee(settled, rateBp)),
    rateText(rateBp),
    '0.00',
    yuan(r.refundFen),
    '',
  ];
}

const onDay = (rfc: string | undefined, day: string) => !!rfc && rfc.slice(0, 10) === day;

/** The bill of `day` ('YYYY-MM-DD', Beijing) from the simulator's own records, with its SHA-1. */
export function tradeBill(
  pay: PayState,
  mchid: string,
  day: string,
  type: 'ALL' | 'SUCCESS' | 'REFUND',
  f: BillFaults,
  rateBp = 60,
): { content: string; sha1: string } {
  const rows: string[][] = [];
  if (type !== 'REFUND') {
    for (const o of pay.orders.values())
      if (o.mchid === mchid && o.transactionId && onDay(o.successTime, day) && !f.omit.includes(o.outTradeNo))
        rows.push(paymentRow(o, f, rateBp));
  }
  if (type !== 'SUCCESS') {
    for (const r of pay.refunds.values())
      if (r.mchid === mchid && onDay(r.createTime, day))
        rows.push(refundRow(r, pay.orders.get(r.outTradeNo)!, day, rateBp));
  }
  // "12.34" → 1234 fen, "0.32000" → 32000 (1/1000 fen): the digits without sign and point.
  const units = (y: string) => (y.startsWith('-') ? -1 : 1) * Number(y.replace(/[-.]/g, ''));
  const sum = (i: number) => rows.reduce((s, r) => s + units(r[i]!), 0);
  const totals = [
    String(rows.length + (f.summaryOff ? 1 : 0)),
    yuan(sum(12)),
    yuan(sum(16)),
    '0.00',
    feeYuan(sum(22)),
    yuan(sum(24)),
    yuan(sum(25)),
  ];
  const header = f.extraColumn ? [...COLUMNS, '备注'] : COLUMNS;
  const lines = [header.join(','), ...rows.map((r) => r.map(q).join(',')), SUMMARY.join(','), totals.map(q).join(',')];
  let content = `${lines.join('\r\n')}\r\n`;
  if (f.truncate) content = content.slice(0, content.lastIndexOf(SUMMARY[0]!) - 1);
  const sha1 = createHash('sha1').update(content).digest('hex');
  return { content, sha1: f.badHash ? randomBytes(20).toString('hex') : sha1 };
}
