import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  csvRecords,
  readTradeBill,
  TRADE_BILL_COLUMNS,
  TRADE_BILL_SUMMARY,
  TradeBillError,
  yuanToFen,
  yuanToMilliFen,
  type TradeRow,
} from './trade-bill.js';

const q = (v: string) => `\`${v}`;
/** A payment or refund row as WeChat writes it (27 columns, every value backtick-prefixed). */
function row(kind: 'SUCCESS' | 'REFUND', no: string, yuan: string, fee: string): string {
  const v = [
    '2026-11-28 10:00:00',
    'wx1',
    '1900000109',
    '0',
    '',
    `4200${no}`,
    `WY${no}`,
    'o1',
    'JSAPI',
    kind,
    'OTHERS',
    'CNY',
    kind === 'SUCCESS' ? yuan : '0.00',
    '0.00',
    kind === 'REFUND' ? `5030${no}` : '0',
    kind === 'REFUND' ? `RF${no}` : '0',
    kind === 'REFUND' ? yuan : '0.00',
    '0.00',
    '',
    kind === 'REFUND' ? 'SUCCESS' : '',
    '物业费',
    '',
    fee,
    '0.60%',
    kind === 'SUCCESS' ? yuan : '0.00',
    kind === 'REFUND' ? yuan : '0.00',
    '',
  ];
  return v.map(q).join(',');
}
const header = TRADE_BILL_COLUMNS.join(',');
const summary = (values: string[]) => `${TRADE_BILL_SUMMARY.join(',')}\r\n${values.map(q).join(',')}`;
const good = [
  header,
  row('SUCCESS', '001', '231.71', '1.39000'),
  row('SUCCESS', '002', '150.00', '0.90000'),
  row('REFUND', '001', '10.00', '-0.06000'),
  summary(['3', '381.71', '10.00', '0.00', '2.23000', '381.71', '10.00']),
].join('\r\n');

/** Read from one chunk, or from chunks of `size` bytes (cutting through CRLFs, quotes and multi-byte characters). */
async function read(text: string, size?: number) {
  const rows: TradeRow[] = [];
  const bytes = Buffer.from(text);
  const chunks = size
    ? Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size))
    : [bytes];
  const s = await readTradeBill(Readable.from(chunks), (r) => void rows.push(r));
  return { rows, summary: s };
}
const fails = async (text: string, reason: TradeBillError['reason']) => {
  const err = await read(text).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TradeBillError);
  expect((err as TradeBillError).reason).toBe(reason);
  expect((err as Error).message).toMatch(/[\u4e00-\u9fa5]/);
};

describe("reading WeChat Pay's trade bill", () => {
  it('reads rows with backticks stripped, yuan as exact fen and fees as exact 1/1000 fen, and checks the summary', async () => {
    const { rows, summary: s } = await read(good);
    expect(rows.map((r) => [r.state, r.outTradeNo, r.settleFen, r.refundFen, r.feeMilliFen])).toEqual([
      ['SUCCESS', 'WY001', 23171, 0, 139_000],
      ['SUCCESS', 'WY002', 15000, 0, 90_000],
      ['REFUND', 'WY001', 0, 1000, -6_000],
    ]);
    expect(rows[2]).toMatchObject({ outRefundNo: 'RF001', refundId: '5030001', transactionId: '4200001' });
    expect(s).toEqual({
      rows: 3,
      settleFen: 38171,
      refundFen: 1000,
      rechargeCouponRefundFen: 0,
      feeMilliFen: 223_000,
      orderFen: 38171,
      requestedRefundFen: 1000,
    });
  });

  it('reads coupons and 充值券 refunds exactly and checks 充值券退款总金额 against the rows', async () => {
    const set = (line: string, values: Partial<Record<(typeof TRADE_BILL_COLUMNS)[number], string>>) =>
      line
        .split(',')
        .map((v, i) => {
          const name = TRADE_BILL_COLUMNS[i]!;
          return name in values ? q(values[name]!) : v;
        })
        .join(',');
    // ¥100.00 paid with a ¥10.00 免充值 coupon; ¥50.00 refunded of it, ¥5.00 of that the coupon's share,
    // and ¥20.00 of another order refunded, ¥2.00 of it back to a 充值 coupon.
    const bill = [
      header,
      set(row('SUCCESS', '001', '100.00', '0.54000'), { 应结订单金额: '90.00', 代金券金额: '10.00' }),
      set(row('REFUND', '001', '50.00', '-0.27000'), { 退款金额: '45.00' }),
      set(row('REFUND', '002', '20.00', '-0.12000'), { 充值券退款金额: '2.00' }),
      summary(['3', '90.00', '65.00', '2.00', '0.15000', '100.00', '70.00']),
    ].join('\r\n');
    const { rows, summary: s } = await read(bill);
    expect(rows.map((r) => [r.couponFen, r.refundFen, r.rechargeCouponRefundFen, r.requestedRefundFen])).toEqual([
      [1000, 0, 0, 0],
      [0, 4500, 0, 5000],
      [0, 2000, 200, 2000],
    ]);
    expect(s).toMatchObject({ refundFen: 6500, rechargeCouponRefundFen: 200, requestedRefundFen: 7000 });
    await fails(bill.replace('`65.00,`2.00', '`65.00,`0.00'), 'SUMMARY');
    await fails(bill.replace('`10.00', '`10.001'), 'FORMAT');
    await fails(bill.replace('`2.00,`', '`2.0x,`'), 'FORMAT');
  });

  it('reads a file with a UTF-8 BOM and LF line ends too', async () => {
    expect((await read(`\uFEFF${good.replace(/\r\n/g, '\n')}\n`)).rows).toHaveLength(3);
  });

  it('reads the same rows however the bytes arrive', async () => {
    const whole = await read(good);
    for (const size of [1, 2, 3, 7, 64]) expect(await read(good, size)).toEqual(whole);
  });

  it('reads quoted values by the rules of CSV: commas, doubled quotes and line ends inside quotes', async () => {
    const named = (name: string) => good.replace('`物业费', name);
    const names = async (text: string, size?: number) => (await read(text, size)).rows.map((r) => r.outTradeNo);
    expect(await names(named('"`物业费,2026年11月"'))).toEqual(['WY001', 'WY002', 'WY001']);
    for (const size of [undefined, 1, 5]) {
      const { rows } = await read(named('"`物业费 ""A区""\r\n第二行"').replace('`WY002', '"`WY002"'), size);
      expect(rows.map((r) => r.outTradeNo)).toEqual(['WY001', 'WY002', 'WY001']);
      expect(rows[0]!.settleFen).toBe(23171);
    }
  });

  it('unquotes fields exactly, and skips empty lines', async () => {
    const records = async (text: string, size: number) => {
      const out: string[][] = [];
      const bytes = Buffer.from(text);
      for await (const r of csvRecords(
        Readable.from(
          Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size)),
        ),
      ))
        out.push(r);
      return out;
    };
    for (const size of [1, 4, 1000]) {
      expect(await records('a,"b,c",""\r\n\r\n"say ""hi""","line\nbreak"\r\n`x,,', size)).toEqual([
        ['a', 'b,c', ''],
        ['say "hi"', 'line\nbreak'],
        ['`x', '', ''],
      ]);
    }
  });

  it('stops at a quote out of place or never closed', async () => {
    await fails(good.replace('`物业费', '`物业"费'), 'FORMAT');
    await fails(good.replace('`物业费', '"`物业费"x'), 'FORMAT');
    await fails(good.replace('`物业费', '"`物业费'), 'FORMAT');
  });

  it('stops at an unknown, missing or moved column, naming it', async () => {
    await fails(good.replace(header, `${header},备注`), 'COLUMNS');
    await fails(good.replace(',费率备注', ''), 'COLUMNS');
    await fails(good.replace('交易时间,公众账号ID', '公众账号ID,交易时间'), 'COLUMNS');
    const err = await read(good.replace(header, `${header},备注`)).catch((e: Error) => e);
    expect((err as Error).message).toContain('未知列：备注');
    expect((err as Error).message).not.toContain('免充值');
  });

  it('tells the operator how to get the current format when the bill is the old one (总金额, 企业红包金额)', async () => {
    const old = header
      .replace('特约商户号', '子商户号')
      .replace('应结订单金额,代金券金额', '总金额,企业红包金额')
      .replace('充值券退款金额', '企业红包退款金额')
      .replace(',订单金额,申请退款金额,费率备注', '');
    await fails(good.replace(header, old), 'COLUMNS');
    const err = await read(good.replace(header, old)).catch((e: Error) => e);
    expect((err as Error).message).toMatch(/商户平台.*产品中心.*免充值代金券.*次日/);
  });

  it('stops at a value without its backtick, a malformed amount, or a short row', async () => {
    await fails(good.replace('`231.71', '231.71'), 'FORMAT');
    await fails(good.replaceAll('231.71', '231.7x'), 'FORMAT');
    await fails(good.replaceAll('231.71', '231,71'), 'FORMAT');
    await fails(
      good.replace(
        row('SUCCESS', '002', '150.00', '0.90000'),
        row('SUCCESS', '002', '150.00', '0.90000').split(',').slice(0, 20).join(','),
      ),
      'FORMAT',
    );
  });

  it('stops at a truncated file (no summary) and an empty one', async () => {
    await fails(good.slice(0, good.indexOf(TRADE_BILL_SUMMARY[0])), 'TRUNCATED');
    await fails(good.slice(0, good.indexOf(TRADE_BILL_SUMMARY[0]) - 40), 'FORMAT'); // cut mid-row
    await fails('', 'TRUNCATED');
  });

  it('stops when the summary does not add up', async () => {
    await fails(
      good.replace(
        summary(['3', '381.71', '10.00', '0.00', '2.23000', '381.71', '10.00']),
        summary(['3', '381.72', '10.00', '0.00', '2.23000', '381.71', '10.00']),
      ),
      'SUMMARY',
    );
    await fails(
      good.replace(
        summary(['3', '381.71', '10.00', '0.00', '2.23000', '381.71', '10.00']),
        summary(['4', '381.71', '10.00', '0.00', '2.23000', '381.71', '10.00']),
      ),
      'SUMMARY',
    );
  });

  it('converts yuan exactly', () => {
    expect(yuanToFen('0.01', 'x')).toBe(1);
    expect(yuanToFen('19.99', 'x')).toBe(1999);
    expect(yuanToFen('-0.06', 'x')).toBe(-6);
    expect(yuanToFen('1.5', 'x')).toBe(150);
    expect(() => yuanToFen('1.505', 'x')).toThrow(TradeBillError);
    expect(yuanToMilliFen('0.04000', 'x')).toBe(4000);
    expect(yuanToMilliFen('-0.27000', 'x')).toBe(-27_000);
    expect(yuanToMilliFen('0.00600', 'x')).toBe(600);
    expect(yuanToMilliFen('4.33', 'x')).toBe(433_000);
    for (const bad of ['0.000001', '1.', '.5', '+1.00', '1e-5', '6e-05', ''])
      expect(() => yuanToMilliFen(bad, 'x')).toThrow(TradeBillError);
  });
});

/** Bills as WeChat really writes them: public samples kept verbatim in fixtures/ (sources in fixtures/README.md). */
describe('real trade bills', () => {
  const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

  it('reads a whole real bill (BOM, five-decimal fees, a payment and two refunds) and its summary to the last digit', async () => {
    const { rows, summary: s } = await read(fixture('dax-pay-2024-01-16-all.csv'));
    expect(
      rows.map((r) => [r.at, r.state, r.outTradeNo, r.outRefundNo, r.refundStatus, r.orderFen, r.refundFen]),
    ).toEqual([
      ['2024-01-16 22:43:59', 'SUCCESS', '1747268229775183872', '0', '', 2, 0],
      ['2024-01-16 22:45:16', 'REFUND', '1747268229775183872', 'R1747268742516264960', 'SUCCESS', 0, 1],
      ['2024-01-16 23:10:18', 'REFUND', '1747268229775183872', 'R1747275041228390400', 'SUCCESS', 0, 1],
    ]);
    expect(rows.map((r) => r.feeMilliFen)).toEqual([0, 0, 0]);
    expect(s).toEqual({
      rows: 3,
      settleFen: 2,
      refundFen: 2,
      rechargeCouponRefundFen: 0,
      feeMilliFen: 0,
      orderFen: 2,
      requestedRefundFen: 2,
    });
  });

  it("reads a real row's five-decimal fee exactly, and still refuses a summary that is not its rows'", async () => {
    const rows: TradeRow[] = [];
    const err = await readTradeBill(Readable.from([Buffer.from(fixture('wxjava-2019-07-25-all-excerpt.csv'))]), (r) => {
      rows.push(r);
    }).catch((e: unknown) => e);
    expect(rows.map((r) => [r.settleFen, r.feeMilliFen])).toEqual([[600, 4000]]); // ¥6.00, fee ¥0.04000
    expect(err).toBeInstanceOf(TradeBillError);
    expect((err as TradeBillError).reason).toBe('SUMMARY'); // the excerpt's summary is of all 48 rows
  });

  it('keeps fees below the fen exactly (in 1/1000 fen) and checks their total to the last digit', async () => {
    const bill = [
      header,
      row('SUCCESS', '001', '53.33', '0.32000'),
      row('SUCCESS', '002', '1.00', '0.00600'),
      row('SUCCESS', '003', '667.50', '4.00500'),
      row('REFUND', '001', '45.00', '-0.27000'),
      summary(['4', '721.83', '45.00', '0.00', '4.06100', '721.83', '45.00']),
    ].join('\r\n');
    const { rows, summary: s } = await read(`${bill}\r\n`);
    expect(rows.map((r) => r.feeMilliFen)).toEqual([32_000, 600, 400_500, -27_000]);
    expect(s.feeMilliFen).toBe(406_100);
    await fails(bill.replace('`4.06100', '`4.06000'), 'SUMMARY');
    await fails(bill.replace('`0.00600', '`0.006001'), 'FORMAT'); // six places: not WeChat's
    await fails(bill.replaceAll('`53.33', '`53.335'), 'FORMAT'); // an amount that is not whole fen
  });
});
