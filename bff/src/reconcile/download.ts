import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';
import type { PayClient } from '../wechat/pay-client.js';
import { readTradeBill, TradeBillError, type TradeBillSummary, type TradeRow } from './trade-bill.js';

/**
 * Downloads and reads the trade bill of `day` as a stream, hashing the bytes as they pass and handing
 * each row to `onRow`. Only when this resolves — the summary adds up **and** the SHA-1 is WeChat's
 * (the download is not signed) — may what was done with the rows be trusted; a caller stages them
 * where a failure can throw them away.
 */
export async function readDayBill(
  pay: PayClient,
  day: string,
  onRow: (row: TradeRow) => void | Promise<void>,
): Promise<TradeBillSummary> {
  const { sha1, body } = await pay.tradeBill(day);
  const hash = createHash('sha1');
  const tee = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  body.on('error', (err) => tee.destroy(err));
  const summary = await readTradeBill(body.pipe(tee), onRow);
  if (hash.digest('hex') !== sha1)
    throw new TradeBillError('HASH', '账单文件的 SHA-1 与微信给出的不一致（下载可能已损坏），已停止对账');
  return summary;
}
