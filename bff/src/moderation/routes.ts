import { z } from 'zod';
import type { Deps } from '../deps.js';
import { createRouter } from '../http/router.js';
import { requireSession, userIdOf } from '../http/auth.js';
import { ZCommunityParams, ZIdParams } from '../http/params.js';
import { receivePush, verifyPush, ZSigned } from './message-push.js';
import { listModeration } from './queue.js';
import { decideModeration } from './decide.js';

const ZQueueQuery = z
  .object({ status: z.enum(['PENDING', 'APPROVED', 'REJECTED'], '状态不正确').default('PENDING') })
  .strict();
const ZDecision = z.object({ approve: z.boolean('请选择通过或不通过') }).strict();

export function moderationRoutes(deps: Deps) {
  const router = createRouter('/api');
  /**
   * The mini-program's message URL (消息推送, JSON, plaintext mode; docs/wechat.md §7). GET: the
   * console's check of the URL, answered with `echostr`. POST: events; media check verdicts are applied.
   * https://developers.weixin.qq.com/miniprogram/dev/framework/server-ability/message-push.html
   */
  router.get('/wechat/message', async (ctx) => {
    const { echostr } = z.object({ echostr: z.string('缺少 echostr').min(1).max(128) }).parse(ctx.query);
    await verifyPush(deps, ZSigned.parse(ctx.query));
    ctx.type = 'text/plain';
    ctx.body = echostr;
  });
  router.post('/wechat/message', async (ctx) => {
    await receivePush(deps, ZSigned.parse(ctx.query), ctx.request.body);
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
