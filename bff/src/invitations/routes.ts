import { z } from 'zod';
import type { Deps } from '../deps.js';
import { phoneUserOf, requireSession } from '../http/auth.js';
import type { AppContext } from '../http/context.js';
import { createRouter } from '../http/router.js';
import { acceptInvitation, INVITATION_TOKEN, previewInvitation } from './invitations.js';

/** The token travels in the body, never in a URL an access log keeps. */
const ZToken = z.object({ token: z.string('邀请无效').regex(INVITATION_TOKEN, '邀请无效') }).strict();

/** An invitation is accepted on the invitee's own phone, never from a desk session. */
const phoneUser = (ctx: AppContext) => phoneUserOf(ctx, '请在手机微信中接受邀请');

export function invitationRoutes(deps: Deps) {
  const router = createRouter('/api/invitations');
  const session = requireSession(deps.sessions);
  router.post('/preview', session, async (ctx) => {
    const { token } = ZToken.parse(ctx.request.body);
    ctx.body = await previewInvitation(deps, phoneUser(ctx), token);
  });
  router.post('/accept', session, async (ctx) => {
    const { token } = ZToken.parse(ctx.request.body);
    ctx.body = await acceptInvitation(deps, phoneUser(ctx), token);
  });
  return router;
}
