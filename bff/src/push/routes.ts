import { z } from 'zod';
import type { Deps } from '../deps.js';
import { createRouter } from '../http/router.js';
import { requireSession, userIdOf } from '../http/auth.js';
import { ZCommunityParams } from '../http/params.js';
import { listCredits, reportSubscriptions, ZSubscribeReport } from './credits.js';
import { listEventPushes } from './staff-view.js';

const ZEventQuery = z.object({ kind: z.string().min(1).max(50), id: z.string().min(1).max(64) }).strict();

export function pushRoutes(deps: Deps) {
  const router = createRouter('/api');
  router.use(requireSession(deps.sessions));
  router.get('/push/subscriptions', async (ctx) => {
    ctx.body = await listCredits(deps, userIdOf(ctx));
  });
  router.post('/push/subscriptions', async (ctx) => {
    const report = ZSubscribeReport.parse(ctx.request.body);
    ctx.body = await reportSubscriptions(deps, userIdOf(ctx), report);
  });
  router.get('/staff/communities/:communityId/pushes', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    const event = ZEventQuery.parse(ctx.query);
    ctx.body = await listEventPushes(deps, userIdOf(ctx), communityId, event);
  });
  return router;
}
