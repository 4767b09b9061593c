import type { Deps } from '../deps.js';
import { createRouter } from '../http/router.js';
import { requireSession, userIdOf } from '../http/auth.js';
import { decideBindRequest, listCommunityBindRequests } from '../units/bind-requests.js';
import { ZBindRequestParams, ZCommunityParams, ZDecideBindRequest, ZListBindRequestsQuery } from '../units/schema.js';
import { revealPersonalInfo, ZRevealRequest } from '../privacy/reveal.js';

/** Staff endpoints; every one checks the caller's role in the community of the resource. */
export function staffRoutes(deps: Deps) {
  const router = createRouter('/api/staff');
  router.use(requireSession(deps.sessions));
  router.get('/communities/:communityId/bind-requests', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    const { status } = ZListBindRequestsQuery.parse(ctx.query);
    ctx.body = { items: await listCommunityBindRequests(deps, userIdOf(ctx), communityId, status) };
  });
  router.post('/bind-requests/:id/decision', async (ctx) => {
    const { id } = ZBindRequestParams.parse(ctx.params);
    const input = ZDecideBindRequest.parse(ctx.request.body);
    ctx.body = await decideBindRequest(deps, userIdOf(ctx), id, input);
  });
  router.post('/communities/:communityId/reveal', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    const input = ZRevealRequest.parse(ctx.request.body);
    ctx.body = await revealPersonalInfo(deps, userIdOf(ctx), communityId, input, ctx.state.requestId);
  });
  return router;
}
