import type { Deps } from '../deps.js';
import { createRouter } from '../http/router.js';
import { requireSession, userIdOf } from '../http/auth.js';
import { ZCommunityParams } from '../http/params.js';
import { communityStats, companyStats, exportCommunityStats, ZStatsExport, ZStatsQuery } from './stats.js';

/** The figures a manager is judged by (#31; docs/stats.md): a community's month, and the company's communities. */
export function statsRoutes(deps: Deps) {
  const router = createRouter('/api');
  router.use(requireSession(deps.sessions));
  router.get('/staff/communities/:communityId/stats', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    ctx.body = await communityStats(deps, userIdOf(ctx), communityId, ZStatsQuery.parse(ctx.query));
  });
  router.get('/staff/communities/:communityId/stats/export', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    const file = await exportCommunityStats(deps, userIdOf(ctx), communityId, ZStatsExport.parse(ctx.query));
    ctx.type = file.type;
    ctx.attachment(file.filename);
    ctx.body = file.body;
  });
  router.get('/company/stats', async (ctx) => {
    ctx.body = await companyStats(deps, userIdOf(ctx), ZStatsQuery.parse(ctx.query));
  });
  return router;
}
