import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';
import type { PayClient } from '../wechat/pay-client.js';
import { readTradeBill, TradeBillError, type TradeBillSummary, type TradeRow } from './trade-bill.js';

/**
 * Downloads and reads the trade bill of `day`, hashing the bytes as they stream past: the rows are
 * handed back only when the summary adds up **and** the SHA-1 is WeChat's (the download is not signed).
 */
export async function readDayBill(pay: PayClient, day: string): Promise<{ rows: TradeRow[]; summary: TradeBillSummary }> {
  const { sha1, body } = await pay.tradeBill(day);
  const hash = createHash('sha1');
  const tee = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  body.on('error', (err) => tee.destroy(err));
  const rows: TradeRow[] = [];
  const summary = await readTradeBill(body.pipe(tee), (row) => void rows.push(row));
  if (hash.digest('hex') !== sha1) throw new TradeBillError('HASH', '账单文件的 SHA-1 与微信给出的不一致（下载可能已损坏），已停止对账');
  return { rows, summary };
}
