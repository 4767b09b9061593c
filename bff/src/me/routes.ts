import type { Deps } from '../deps.js';
import { createRouter } from '../http/router.js';
import { requireSession, userIdOf } from '../http/auth.js';
import { ZCommunityParams } from '../http/params.js';
import { getMe } from './get-me.js';
import { waitingCounts } from './waiting.js';

export function meRoutes(deps: Deps) {
  const router = createRouter('/api');
  router.get('/me', requireSession(deps.sessions), async (ctx) => {
    ctx.body = await getMe(deps, userIdOf(ctx), ctx.state.sessionKind === 'desk');
  });
  // The counts on the staff home: what waits for me in this community (me/waiting.ts).
  router.get('/staff/communities/:communityId/waiting', requireSession(deps.sessions), async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    ctx.body = await waitingCounts(deps, userIdOf(ctx), communityId);
  });
  return router;
}
