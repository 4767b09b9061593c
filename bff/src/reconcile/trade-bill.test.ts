import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  csvRecords,
  readTradeBill,
  TRADE_BILL_COLUMNS,
  TRADE_BILL_SUMMARY,
  TradeBillError,
  yuanToFen,
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
  row('SUCCESS', '001', '231.71', '1.39'),
  row('SUCCESS', '002', '150.00', '0.90'),
  row('REFUND', '001', '10.00', '-0.06'),
  summary(['3', '381.71', '10.00', '0.00', '2.23', '381.71', '10.00']),
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
  it('reads rows with backticks stripped and yuan as exact fen, and checks the summary', async () => {
    const { rows, summary: s } = await read(good);
    expect(rows.map((r) => [r.state, r.outTradeNo, r.settleFen, r.refundFen, r.feeFen])).toEqual([
      ['SUCCESS', 'WY001', 23171, 0, 139],
      ['SUCCESS', 'WY002', 15000, 0, 90],
      ['REFUND', 'WY001', 0, 1000, -6],
    ]);
    expect(rows[2]).toMatchObject({ outRefundNo: 'RF001', refundId: '5030001', transactionId: '4200001' });
    expect(s).toEqual({
      rows: 3,
      settleFen: 38171,
      refundFen: 1000,
      feeFen: 223,
      orderFen: 38171,
      requestedRefundFen: 1000,
    });
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
  });

  it('stops at a value without its backtick, a malformed amount, or a short row', async () => {
    await fails(good.replace('`231.71', '231.71'), 'FORMAT');
    await fails(good.replaceAll('231.71', '231.7'), 'FORMAT');
    await fails(
      good.replace(
        row('SUCCESS', '002', '150.00', '0.90'),
        row('SUCCESS', '002', '150.00', '0.90').split(',').slice(0, 20).join(','),
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
        summary(['3', '381.71', '10.00', '0.00', '2.23', '381.71', '10.00']),
        summary(['3', '381.72', '10.00', '0.00', '2.23', '381.71', '10.00']),
      ),
      'SUMMARY',
    );
    await fails(
      good.replace(
        summary(['3', '381.71', '10.00', '0.00', '2.23', '381.71', '10.00']),
        summary(['4', '381.71', '10.00', '0.00', '2.23', '381.71', '10.00']),
      ),
      'SUMMARY',
    );
  });

  it('converts yuan exactly', () => {
    expect(yuanToFen('0.01', 'x')).toBe(1);
    expect(yuanToFen('19.99', 'x')).toBe(1999);
    expect(yuanToFen('-0.06', 'x')).toBe(-6);
    expect(() => yuanToFen('1.5', 'x')).toThrow(TradeBillError);
  });
});
