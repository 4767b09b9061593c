import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { messageSignature } from './signature.js';
import { applyMediaVerdict } from './media-check.js';

/**
 * The mini-program's message URL (消息推送, JSON, plaintext mode; docs/wechat.md §7, The message URL).
 * WeChat's signature covers only token, timestamp and nonce — not the body — so a signed query seen
 * once (a proxy log, a leaked URL) would sign any body. Hence: the timestamp within ±5 minutes of our
 * clock, and each (timestamp, nonce) taken once while its timestamp could still be accepted.
 */
export const PUSH_WINDOW_SECONDS = 300;

export const ZSigned = z.object({
  signature: z.string().regex(/^[0-9a-f]{40}$/, '签名格式不正确'),
  timestamp: z.string().regex(/^\d{1,12}$/, '时间戳不正确'),
  nonce: z.string().min(1).max(64),
});
export type Signed = z.infer<typeof ZSigned>;

/** A message push in JSON: only its `Event` is read until it is one we handle (others are acknowledged). */
const ZMessage = z.looseObject({ Event: z.unknown() });
const ZMediaEvent = z.object({
  Event: z.literal('wxa_media_check'),
  trace_id: z.string().min(1).max(128),
  errcode: z.number().int().optional(),
  result: z.object({ suggest: z.string().optional(), label: z.union([z.string(), z.number()]).optional() }).optional(),
});

const nonceKey = (q: Signed) => `wechat-push:${q.timestamp}:${q.nonce}`;

/**
 * From WeChat, now, and not seen before: signature → clock window → nonce claimed (SET NX, kept for two
 * windows: the longest a timestamp can stay acceptable). Returns the release, for a push we then fail
 * to process, so that WeChat's retry of it is not refused as a replay.
 */
export async function verifyPush(deps: Deps, q: Signed): Promise<() => Promise<void>> {
  const expected = Buffer.from(messageSignature(deps.config.wechat.messageToken, q.timestamp, q.nonce));
  if (!timingSafeEqual(expected, Buffer.from(q.signature))) throw new AppError('FORBIDDEN', '签名不正确');
  const skew = Math.abs(deps.clock.now().getTime() / 1000 - Number(q.timestamp));
  if (skew > PUSH_WINDOW_SECONDS) throw new AppError('FORBIDDEN', '推送已过期：时间戳与服务器时间相差超过 5 分钟');
  const fresh = await deps.redis.set(nonceKey(q), '1', 'EX', 2 * PUSH_WINDOW_SECONDS, 'NX');
  if (fresh !== 'OK') throw new AppError('FORBIDDEN', '重复的推送：这个 nonce 已经用过');
  return async () => void (await deps.redis.del(nonceKey(q)));
}

/** A POSTed event: media check verdicts are applied, others acknowledged. */
export async function receivePush(deps: Deps, q: Signed, body: unknown): Promise<void> {
  const release = await verifyPush(deps, q);
  try {
    const message = ZMessage.safeParse(body).data;
    if (message?.Event === 'wxa_media_check') await applyMediaVerdict(deps, ZMediaEvent.parse(message));
  } catch (err) {
    await release();
    throw err;
  }
}
