import { z } from 'zod';
import type { Deps } from '../deps.js';
import { createRouter } from '../http/router.js';
import { requireSession, userIdOf } from '../http/auth.js';
import { listFailedJobs } from './failed.js';

const ZFailedQuery = z.object({ limit: z.coerce.number('条数必须是数字').int().min(1).max(200).default(50) }).strict();

export function jobRoutes(deps: Deps) {
  const router = createRouter('/api/admin/jobs');
  router.use(requireSession(deps.sessions));
  router.get('/failed', async (ctx) => {
    const { limit } = ZFailedQuery.parse(ctx.query);
    ctx.body = { items: await listFailedJobs(deps, userIdOf(ctx), limit) };
  });
  return router;
}
