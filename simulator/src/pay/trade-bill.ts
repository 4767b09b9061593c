import { createHash, randomBytes } from 'node:crypto';
import type { PayState, SimOrder, SimRefund } from './state.js';

/**
 * The day's trade bill as WeChat Pay writes it (docs/wechat.md §5): Chinese headers, every value
 * prefixed with a backtick, yuan with two decimals, a row per payment and a row per refund, then the
 * summary. Fees at the standard 0.6 % rate, rounded half up to the fen per row.
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
export const fee = (fen: number) => Math.sign(fen) * Math.floor((Math.abs(fen) * 6 + 500) / 1000);
const beijing = (rfc: string) => rfc.slice(0, 19).replace('T', ' ');
export const q = (v: string) => `\`${v}`;

export function paymentRow(o: SimOrder, f: BillFaults): string[] {
  const total = f.amounts[o.outTradeNo] ?? o.totalFen;
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
    yuan(total),
    '0.00',
    '0',
    '0',
    '0.00',
    '0.00',
    '',
    '',
    o.description,
    o.attach ?? '',
    yuan(fee(total)),
    '0.60%',
    yuan(total),
    '0.00',
    '',
  ];
}

function refundRow(r: SimRefund, o: SimOrder): string[] {
  return [
    beijing(r.successTime ?? r.createTime),
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
    yuan(r.refundFen),
    '0.00',
    'ORIGINAL',
    r.status,
    o.description,
    o.attach ?? '',
    yuan(-fee(r.refundFen)),
    '0.60%',
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
): { content: string; sha1: string } {
  const rows: string[][] = [];
  if (type !== 'REFUND') {
    for (const o of pay.orders.values())
      if (o.mchid === mchid && o.transactionId && onDay(o.successTime, day) && !f.omit.includes(o.outTradeNo))
        rows.push(paymentRow(o, f));
  }
  if (type !== 'SUCCESS') {
    for (const r of pay.refunds.values())
      if (r.mchid === mchid && r.status === 'SUCCESS' && onDay(r.successTime, day))
        rows.push(refundRow(r, pay.orders.get(r.outTradeNo)!));
  }
  const fenOf = (y: string) => (y.startsWith('-') ? -1 : 1) * Number(y.replace(/[-.]/g, ''));
  const sum = (i: number) => rows.reduce((s, r) => s + fenOf(r[i]!), 0);
  const totals = [
    String(rows.length + (f.summaryOff ? 1 : 0)),
    yuan(sum(12)),
    yuan(sum(16)),
    '0.00',
    yuan(sum(22)),
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
