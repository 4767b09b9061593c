import type { Deps } from '../deps.js';
import { createRouter } from '../http/router.js';
import { requireSession, userIdOf } from '../http/auth.js';
import { confirmTerm } from './confirm-term.js';
import { getCommittee } from './view.js';
import { ZCommitteeQuery, ZConfirmTerm } from './schema.js';

/** The committee's terms (issue 27; docs/roles.md §The committee). Desk sessions reach /api/company. */
export function committeeRoutes(deps: Deps) {
  const router = createRouter('/api/company');
  const session = requireSession(deps.sessions);
  router.get('/committee', session, async (ctx) => {
    const { communityId } = ZCommitteeQuery.parse(ctx.query);
    ctx.body = await getCommittee(deps, userIdOf(ctx), communityId);
  });
  router.post('/committee/terms', session, async (ctx) => {
    ctx.status = 201;
    ctx.body = await confirmTerm(deps, userIdOf(ctx), ZConfirmTerm.parse(ctx.request.body));
  });
  return router;
}
