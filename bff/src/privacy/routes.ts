import type { Deps } from '../deps.js';
import { createRouter } from '../http/router.js';
import { requireSession, userIdOf } from '../http/auth.js';
import { ZCommunityParams } from '../http/params.js';
import { revealPersonalInfo, ZRevealRequest } from './reveal.js';

export function privacyRoutes(deps: Deps) {
  const router = createRouter('/api/staff');
  router.use(requireSession(deps.sessions));
  router.post('/communities/:communityId/reveal', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    const input = ZRevealRequest.parse(ctx.request.body);
    const ids = { requestId: ctx.state.requestId, clientRequestId: ctx.state.clientRequestId ?? null };
    ctx.body = await revealPersonalInfo(deps, userIdOf(ctx), communityId, input, ids);
  });
  return router;
}
