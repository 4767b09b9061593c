import type { Deps } from '../deps.js';
import { createRouter } from '../http/router.js';
import { requireSession, userIdOf } from '../http/auth.js';
import { getMe } from './get-me.js';

export function meRoutes(deps: Deps) {
  const router = createRouter('/api');
  router.get('/me', requireSession(deps.sessions), async (ctx) => {
    ctx.body = await getMe(deps, userIdOf(ctx), ctx.state.sessionKind === 'desk');
  });
  return router;
}
