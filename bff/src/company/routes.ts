import type { Deps } from '../deps.js';
import { createRouter } from '../http/router.js';
import { requireSession, userIdOf } from '../http/auth.js';
import { compareCommunities, ZCompareQuery } from './compare.js';

/** The company admin's side, across the company's communities (#26; the administration of #27 comes here). */
export function companyRoutes(deps: Deps) {
  const router = createRouter('/api/company');
  router.use(requireSession(deps.sessions));
  router.get('/communities/compare', async (ctx) => {
    ctx.body = await compareCommunities(deps, userIdOf(ctx), ZCompareQuery.parse(ctx.query));
  });
  return router;
}
