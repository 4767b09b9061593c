import type { Readable } from 'node:stream';

/**
 * WeChat Pay's daily trade bill (docs/wechat.md §5), read as WeChat writes it: a header of Chinese
 * column names in a fixed order, data rows whose every value starts with a backtick (so spreadsheets
 * keep long numbers as text), amounts in yuan — two decimals, fees (手续费) five — refunds as rows of their
 * own, then a summary header and one line of totals. The column order and the summary are the contract: anything
 * else stops the read with a clear error — it is never guessed at.
 */
export const TRADE_BILL_COLUMNS = [
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
] as const;
export const TRADE_BILL_SUMMARY = [
  '总交易单数',
  '应结订单总金额',
  '退款总金额',
  '充值券退款总金额',
  '手续费总金额',
  '订单总金额',
  '申请退款总金额',
] as const;

export type TradeRow = {
  /** 交易时间 as written (Beijing time, "YYYY-MM-DD HH:MM:SS"). */
  at: string;
  appid: string;
  mchid: string;
  transactionId: string;
  outTradeNo: string;
  /** SUCCESS for a payment, REFUND for a refund row (others as WeChat writes them). */
  state: string;
  settleFen: number;
  /** 代金券金额: the coupons on a payment, the 免充值 (merchant-funded) ones included. */
  couponFen: number;
  refundId: string;
  outRefundNo: string;
  /** 退款金额 = 申请退款金额 − the 免充值 coupon's share (非充值代金券退款金额): not what the merchant asked. */
  refundFen: number;
  /** 充值券退款金额: the part of the refund going back to a 充值 (WeChat-funded) coupon. */
  rechargeCouponRefundFen: number;
  refundStatus: string;
  /** 手续费 in 1/1000 fen (10⁻⁵ yuan, WeChat's five decimals), exactly; negative on refund rows (given back). */
  feeMilliFen: number;
  orderFen: number;
  /** 申请退款金额: the amount the merchant asked to refund — what our refund's amount is. */
  requestedRefundFen: number;
};

export type TradeBillSummary = {
  rows: number;
  settleFen: number;
  refundFen: number;
  /** 充值券退款总金额. */
  rechargeCouponRefundFen: number;
  /** 手续费总金额, in 1/1000 fen. */
  feeMilliFen: number;
  orderFen: number;
  requestedRefundFen: number;
};

export class TradeBillError extends Error {
  constructor(
    readonly reason: 'COLUMNS' | 'FORMAT' | 'TRUNCATED' | 'SUMMARY' | 'HASH',
    message: string,
  ) {
    super(message);
    this.name = 'TradeBillError';
  }
}

const at = (i: (typeof TRADE_BILL_COLUMNS)[number]) => TRADE_BILL_COLUMNS.indexOf(i);
const COL = {
  at: at('交易时间'),
  appid: at('公众账号ID'),
  mchid: at('商户号'),
  transactionId: at('微信订单号'),
  outTradeNo: at('商户订单号'),
  state: at('交易状态'),
  settle: at('应结订单金额'),
  coupon: at('代金券金额'),
  refundId: at('微信退款单号'),
  outRefundNo: at('商户退款单号'),
  refund: at('退款金额'),
  rechargeCouponRefund: at('充值券退款金额'),
  refundStatus: at('退款状态'),
  fee: at('手续费'),
  order: at('订单金额'),
  requestedRefund: at('申请退款金额'),
};

/**
 * A yuan amount as WeChat writes it ("12.34", "-0.27000": up to five decimals) → an integer number of
 * 10⁻⁵ yuan (1/1000 fen), exactly — never through a float.
 */
export function yuanToMilliFen(text: string, where: string): number {
  const m = /^(-?)(\d{1,10})(?:\.(\d{1,5}))?$/.exec(text);
  if (!m) throw new TradeBillError('FORMAT', `${where}：金额「${text}」不是至多五位小数的元`);
  const value = Number(m[2]) * 100_000 + Number((m[3] ?? '').padEnd(5, '0'));
  return m[1] ? -value : value;
}

/** An amount that must be whole fen (everything but the fees): "12.34" → 1234; "12.345" stops the read. */
export function yuanToFen(text: string, where: string): number {
  const milli = yuanToMilliFen(text, where);
  if (milli % 1000 !== 0) throw new TradeBillError('FORMAT', `${where}：金额「${text}」不是整分`);
  return milli / 1000;
}

/** Every value of a data or summary line starts with a backtick; it is stripped here (never in a csv `cast`: ten times slower). */
function unquote(values: string[], line: number): string[] {
  return values.map((v, i) => {
    if (!v.startsWith('`'))
      throw new TradeBillError('FORMAT', `第 ${line} 行第 ${i + 1} 列没有以反引号开头：文件格式不是微信支付账单`);
    return v.slice(1);
  });
}

/**
 * The columns of the bill before 免充值代金券 (总金额, 企业红包金额, 企业红包退款金额…): a merchant that has not
 * enabled them still gets it. WeChat's format page names the remedy.
 */
const OLD_FORMAT_COLUMNS = ['总金额', '企业红包金额', '企业红包退款金额'];
const OLD_FORMAT_REMEDY =
  '这是旧版账单格式：请在微信支付商户平台「产品中心」开通「免充值代金券」，次日起的账单即为新版格式';

function sameColumns(found: string[], expected: readonly string[], what: string) {
  const unknown = found.filter((c) => !expected.includes(c));
  const missing = expected.filter((c) => !found.includes(c));
  if (unknown.length || missing.length || found.length !== expected.length || found.some((c, i) => c !== expected[i])) {
    const parts = [
      unknown.length ? `未知列：${unknown.join('、')}` : '',
      missing.length ? `缺少列：${missing.join('、')}` : '',
      !unknown.length && !missing.length ? '列顺序与约定不同' : '',
    ].filter(Boolean);
    const old = found.some((c) => OLD_FORMAT_COLUMNS.includes(c)) ? `。${OLD_FORMAT_REMEDY}` : '';
    throw new TradeBillError('COLUMNS', `${what}与约定不符（${parts.join('；')}），已停止对账${old}`);
  }
}

/**
 * A record in double quotes somewhere (RFC 4180: a quoted field may hold commas, line ends and doubled
 * quotes), starting at `pos`: its fields and where the next record starts, or null when `text` ends
 * inside it and more is to come (it is read again from its start then). WeChat does not quote today; a file that does is still read right.
 */
function quotedRecord(
  text: string,
  pos: number,
  final: boolean,
  line: number,
): { fields: string[]; end: number } | null {
  const malformed = (what: string) => new TradeBillError('FORMAT', `第 ${line} 行：${what}，文件格式不是微信支付账单`);
  const fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let closed = false; // the field's closing quote has passed: only a comma or the line end may follow
  for (let i = pos; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c !== '"') {
        field += c;
      } else if (text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else {
        inQuotes = false;
        closed = true;
      }
    } else if (c === ',') {
      fields.push(field);
      field = '';
      closed = false;
    } else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      fields.push(field);
      return { fields, end: c === '\n' ? i + 1 : i + 2 };
    } else if (c === '\r' && i + 1 === text.length && !final) {
      return null; // a CRLF cut in two: the next chunk has its LF
    } else if (closed) {
      throw malformed('引号之后应是逗号或换行');
    } else if (c === '"') {
      if (field !== '') throw malformed('引号出现在值的中间');
      inQuotes = true;
    } else {
      field += c;
    }
  }
  if (!final) return null;
  if (inQuotes) throw malformed('引号没有闭合');
  fields.push(field);
  return { fields, end: text.length };
}

/**
 * The CSV records of a UTF-8 stream as it arrives (BOM dropped, CRLF or LF, empty lines skipped). A
 * line without a double quote — every line WeChat writes — is split on its commas; a line with one
 * is read by the rules of quoting. A general CSV parser cost 14 s of a 1,000,000-row bill's 24.
 */
export async function* csvRecords(input: AsyncIterable<Uint8Array>): AsyncGenerator<string[]> {
  const decoder = new TextDecoder();
  let text = '';
  let line = 0;
  function* complete(final: boolean): Generator<string[]> {
    let pos = 0;
    while (pos < text.length) {
      const nl = text.indexOf('\n', pos);
      if (nl === -1 && !final) break;
      const stop = nl === -1 ? text.length : nl;
      const plain = text.slice(pos, stop);
      if (!plain.includes('"')) {
        pos = stop + 1;
        const record = plain.endsWith('\r') ? plain.slice(0, -1) : plain;
        if (record === '') continue;
        line += 1;
        yield record.split(',');
        continue;
      }
      const quoted = quotedRecord(text, pos, final, line + 1);
      if (!quoted) break;
      pos = quoted.end;
      line += 1;
      yield quoted.fields;
    }
    text = text.slice(pos);
  }
  for await (const chunk of input) {
    text += decoder.decode(chunk, { stream: true });
    yield* complete(false);
  }
  text += decoder.decode();
  yield* complete(true);
}

/**
 * Reads a trade bill as it streams in, calling `onRow` for each data row, and returns the summary
 * after checking it against the rows: count, settled amount, refunds, 充值券 refunds, fees, order
 * amounts, requested refunds — every total of the summary.
 */
export async function readTradeBill(
  input: Readable,
  onRow: (row: TradeRow) => void | Promise<void>,
): Promise<TradeBillSummary> {
  const records = csvRecords(input);
  const seen: TradeBillSummary = {
    rows: 0,
    settleFen: 0,
    refundFen: 0,
    rechargeCouponRefundFen: 0,
    feeMilliFen: 0,
    orderFen: 0,
    requestedRefundFen: 0,
  };
  let line = 0;
  let phase: 'header' | 'rows' | 'totals' | 'done' = 'header';
  let stated: TradeBillSummary | null = null;
  for await (const record of records) {
    line += 1;
    if (phase === 'header') {
      sameColumns(record, TRADE_BILL_COLUMNS, '账单表头');
      phase = 'rows';
    } else if (phase === 'rows' && record[0] === TRADE_BILL_SUMMARY[0]) {
      sameColumns(record, TRADE_BILL_SUMMARY, '汇总表头');
      phase = 'totals';
    } else if (phase === 'rows') {
      if (record.length !== TRADE_BILL_COLUMNS.length)
        throw new TradeBillError('FORMAT', `第 ${line} 行有 ${record.length} 列，应为 ${TRADE_BILL_COLUMNS.length} 列`);
      const v = unquote(record, line);
      const where = `第 ${line} 行`;
      const row: TradeRow = {
        at: v[COL.at]!,
        appid: v[COL.appid]!,
        mchid: v[COL.mchid]!,
        transactionId: v[COL.transactionId]!,
        outTradeNo: v[COL.outTradeNo]!,
        state: v[COL.state]!,
        settleFen: yuanToFen(v[COL.settle]!, where),
        couponFen: yuanToFen(v[COL.coupon]!, where),
        refundId: v[COL.refundId]!,
        outRefundNo: v[COL.outRefundNo]!,
        refundFen: yuanToFen(v[COL.refund]!, where),
        rechargeCouponRefundFen: yuanToFen(v[COL.rechargeCouponRefund]!, where),
        refundStatus: v[COL.refundStatus]!,
        feeMilliFen: yuanToMilliFen(v[COL.fee]!, where),
        orderFen: yuanToFen(v[COL.order]!, where),
        requestedRefundFen: yuanToFen(v[COL.requestedRefund]!, where),
      };
      seen.rows += 1;
      seen.settleFen += row.settleFen;
      seen.refundFen += row.refundFen;
      seen.rechargeCouponRefundFen += row.rechargeCouponRefundFen;
      seen.feeMilliFen += row.feeMilliFen;
      seen.orderFen += row.orderFen;
      seen.requestedRefundFen += row.requestedRefundFen;
      await onRow(row);
    } else if (phase === 'totals') {
      if (record.length !== TRADE_BILL_SUMMARY.length)
        throw new TradeBillError('FORMAT', `汇总行有 ${record.length} 列，应为 ${TRADE_BILL_SUMMARY.length} 列`);
      const v = unquote(record, line);
      const count = /^\d+$/.test(v[0]!) ? Number(v[0]) : NaN;
      if (!Number.isInteger(count)) throw new TradeBillError('FORMAT', `汇总行的总交易单数「${v[0]}」不是整数`);
      stated = {
        rows: count,
        settleFen: yuanToFen(v[1]!, '汇总行'),
        refundFen: yuanToFen(v[2]!, '汇总行'),
        rechargeCouponRefundFen: yuanToFen(v[3]!, '汇总行'),
        feeMilliFen: yuanToMilliFen(v[4]!, '汇总行'),
        orderFen: yuanToFen(v[5]!, '汇总行'),
        requestedRefundFen: yuanToFen(v[6]!, '汇总行'),
      };
      phase = 'done';
    } else {
      throw new TradeBillError('FORMAT', `第 ${line} 行：汇总之后不应再有内容`);
    }
  }
  if (!stated)
    throw new TradeBillError(
      'TRUNCATED',
      phase === 'header' ? '账单是空的' : '账单不完整（没有汇总行），可能下载中断，已停止对账',
    );
  const off = (Object.keys(seen) as (keyof TradeBillSummary)[]).filter((k) => seen[k] !== stated![k]);
  if (off.length)
    throw new TradeBillError(
      'SUMMARY',
      `汇总与明细不符（${off.map((k) => `${k}: 明细 ${seen[k]}，汇总 ${stated![k]}`).join('；')}），已停止对账`,
    );
  return seen;
}
