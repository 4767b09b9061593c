import type { Deps } from '../deps.js';
import { createRouter } from '../http/router.js';
import { requireSession, userIdOf } from '../http/auth.js';
import { ZLoginRequest, ZPhoneRequest } from './schema.js';
import { login } from './login.js';
import { logout } from './logout.js';
import { bindPhone } from './bind-phone.js';

export function authRoutes(deps: Deps) {
  const router = createRouter('/api/auth');

  router.post('/login', async (ctx) => {
    const { code } = ZLoginRequest.parse(ctx.request.body);
    ctx.body = await login(deps, code, ctx.ip);
  });
  router.post('/logout', requireSession(deps.sessions), async (ctx) => {
    await logout(deps, ctx.state.sessionToken!);
    ctx.status = 204;
  });
  router.post('/phone', requireSession(deps.sessions), async (ctx) => {
    const { code } = ZPhoneRequest.parse(ctx.request.body);
    ctx.body = await bindPhone(deps, userIdOf(ctx), code);
  });
  return router;
}
