import type { Deps } from '../deps.js';
import { createRouter } from '../http/router.js';
import { requireSession, userIdOf } from '../http/auth.js';
import { ZCommunityParams, ZIdParams } from '../http/params.js';
import {
  listReturnVisits,
  recordPhoneVisit,
  returnVisitRate,
  revealVisitPhone,
  ZVisitReveal,
  ZPhoneVisit,
  ZRateQuery,
  ZVisitListQuery,
} from './visits.js';

export function returnVisitRoutes(deps: Deps) {
  const router = createRouter('/api');
  router.use(requireSession(deps.sessions));
  router.get('/staff/communities/:communityId/return-visits', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    ctx.body = await listReturnVisits(deps, userIdOf(ctx), communityId, ZVisitListQuery.parse(ctx.query));
  });
  router.get('/staff/communities/:communityId/return-visits/rate', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    const { month } = ZRateQuery.parse(ctx.query);
    ctx.body = await returnVisitRate(deps, userIdOf(ctx), communityId, month);
  });
  router.post('/staff/return-visits/:id', async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    ctx.body = await recordPhoneVisit(deps, userIdOf(ctx), id, ZPhoneVisit.parse(ctx.request.body));
  });
  router.post('/staff/return-visits/:id/reveal-phone', async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    const input = ZVisitReveal.parse(ctx.request.body);
    const ids = { requestId: ctx.state.requestId, clientRequestId: ctx.state.clientRequestId ?? null };
    ctx.body = await revealVisitPhone(deps, userIdOf(ctx), id, input, ids);
  });
  return router;
}
