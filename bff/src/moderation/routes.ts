import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { createRouter } from '../http/router.js';
import { requireSession, userIdOf } from '../http/auth.js';
import { ZCommunityParams, ZIdParams } from '../http/params.js';
import { messageSignature } from './signature.js';
import { applyMediaVerdict } from './media-check.js';
import { listModeration } from './queue.js';
import { decideModeration } from './decide.js';

const ZQueueQuery = z
  .object({ status: z.enum(['PENDING', 'APPROVED', 'REJECTED'], '状态不正确').default('PENDING') })
  .strict();
const ZDecision = z.object({ approve: z.boolean('请选择通过或不通过') }).strict();
const ZSigned = z.object({
  signature: z.string().regex(/^[0-9a-f]{40}$/, '签名格式不正确'),
  timestamp: z.string().regex(/^\d{1,12}$/, '时间戳不正确'),
  nonce: z.string().min(1).max(64),
});
/** A message push in JSON: only its `Event` is read until it is one we handle (others are acknowledged). */
const ZMessage = z.looseObject({ Event: z.unknown() });
const ZMediaEvent = z.object({
  Event: z.literal('wxa_media_check'),
  trace_id: z.string().min(1).max(128),
  errcode: z.number().int().optional(),
  result: z.object({ suggest: z.string().optional(), label: z.union([z.string(), z.number()]).optional() }).optional(),
});

/** The push came from WeChat: sha1 of the configured token, timestamp and nonce (docs/wechat.md §7). */
function verifySignature(deps: Deps, query: unknown) {
  const q = ZSigned.parse(query);
  const expected = Buffer.from(messageSignature(deps.config.wechat.messageToken, q.timestamp, q.nonce));
  if (!timingSafeEqual(expected, Buffer.from(q.signature))) throw new AppError('FORBIDDEN', '签名不正确');
}

export function moderationRoutes(deps: Deps) {
  const router = createRouter('/api');
  /**
   * The mini-program's message URL (消息推送, JSON, plaintext mode). GET: the console's check of the
   * URL, answered with `echostr`. POST: events; media check verdicts are applied, others ignored.
   * https://developers.weixin.qq.com/miniprogram/dev/framework/server-ability/message-push.html
   */
  router.get('/wechat/message', (ctx) => {
    verifySignature(deps, ctx.query);
    const { echostr } = z.object({ echostr: z.string('缺少 echostr').min(1).max(128) }).parse(ctx.query);
    ctx.type = 'text/plain';
    ctx.body = echostr;
  });
  router.post('/wechat/message', async (ctx) => {
    verifySignature(deps, ctx.query);
    const body = ZMessage.safeParse(ctx.request.body).data;
    if (body?.Event === 'wxa_media_check') await applyMediaVerdict(deps, ZMediaEvent.parse(body));
    ctx.type = 'text/plain';
    ctx.body = 'success';
  });

  const session = requireSession(deps.sessions);
  router.get('/staff/communities/:communityId/moderation', session, async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    ctx.body = await listModeration(deps, userIdOf(ctx), communityId, ZQueueQuery.parse(ctx.query).status);
  });
  router.post('/staff/moderation/:id/decision', session, async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    ctx.body = await decideModeration(deps, userIdOf(ctx), id, ZDecision.parse(ctx.request.body).approve);
  });
  return router;
}
