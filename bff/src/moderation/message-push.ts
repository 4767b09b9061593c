import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { messageSignature } from './signature.js';
import { applyMediaVerdict } from './media-check.js';

/**
 * The mini-program's message URL (消息推送, JSON, plaintext mode; docs/wechat.md §7, The message URL).
 * WeChat's signature covers only token, timestamp and nonce — not the body — so a signed query seen
 * once (a proxy log, a leaked URL) would sign any body. Hence: the timestamp within ±5 minutes of our
 * clock, and each (timestamp, nonce) taken once while its timestamp could still be accepted — for one
 * body: WeChat's retry of the same push is answered `success`, another body under it is a replay.
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
const bodyHash = (body: unknown) =>
  createHash('sha256')
    .update(JSON.stringify(body ?? null))
    .digest('base64url');
/** How long a claimed push may stay "processing" before a crashed attempt is taken for lost. */
const PROCESSING_SECONDS = 30;
/** A retry that finds the first delivery still processing waits this long for its outcome (WeChat waits 5 s). */
const RETRY_WAIT_MS = 3000;

/** From WeChat and now: signature, then clock window (docs/wechat.md §7, The message URL). */
function checkSigned(deps: Deps, q: Signed) {
  const expected = Buffer.from(messageSignature(deps.config.wechat.messageToken, q.timestamp, q.nonce));
  if (!timingSafeEqual(expected, Buffer.from(q.signature))) throw new AppError('FORBIDDEN', '签名不正确');
  const skew = Math.abs(deps.clock.now().getTime() / 1000 - Number(q.timestamp));
  if (skew > PUSH_WINDOW_SECONDS) throw new AppError('FORBIDDEN', '推送已过期：时间戳与服务器时间相差超过 5 分钟');
}

const replayed = () => new AppError('FORBIDDEN', '重复的推送：这个 nonce 已经用过');

/** The console's GET check: signed, now, and each (timestamp, nonce) once. */
export async function verifyPush(deps: Deps, q: Signed): Promise<void> {
  checkSigned(deps, q);
  const fresh = await deps.redis.set(nonceKey(q), 'done:get', 'EX', 2 * PUSH_WINDOW_SECONDS, 'NX');
  if (fresh !== 'OK') throw replayed();
}

/**
 * Claims (timestamp, nonce) for this body: 'claimed' (process it), 'done' (this very push was already
 * handled: a retry of it) — or throws: another body under a used nonce is a replay (403); the same
 * push still being processed after a short wait is 409, which WeChat takes as a failure to retry later,
 * not as a refusal (docs/wechat.md §7, Retries).
 */
async function claimPush(deps: Deps, q: Signed, hash: string): Promise<'claimed' | 'done'> {
  const key = nonceKey(q);
  const deadline = Date.now() + RETRY_WAIT_MS;
  for (;;) {
    const fresh = await deps.redis.set(key, `processing:${hash}`, 'EX', PROCESSING_SECONDS, 'NX');
    if (fresh === 'OK') return 'claimed';
    const state = await deps.redis.get(key);
    if (state === null) continue; // released (the first attempt failed) or expired between the two: claim again
    const [phase, seen] = state.split(':');
    if (seen !== hash) throw replayed();
    if (phase === 'done') return 'done';
    if (Date.now() >= deadline) throw new AppError('CONFLICT', '这条推送正在处理中，请稍后重试');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * A POSTed event: media check verdicts are applied, others acknowledged. The (timestamp, nonce) goes
 * processing → done (kept for two windows: the longest a timestamp can stay acceptable); a push we fail
 * to process gives its claim back, so that WeChat's retry of it is processed, not refused.
 */
export async function receivePush(deps: Deps, q: Signed, body: unknown): Promise<void> {
  checkSigned(deps, q);
  const hash = bodyHash(body);
  if ((await claimPush(deps, q, hash)) === 'done') return;
  try {
    const message = ZMessage.safeParse(body).data;
    if (message?.Event === 'wxa_media_check') await applyMediaVerdict(deps, ZMediaEvent.parse(message));
  } catch (err) {
    await deps.redis.del(nonceKey(q));
    throw err;
  }
  await deps.redis.set(nonceKey(q), `done:${hash}`, 'EX', 2 * PUSH_WINDOW_SECONDS);
}
