import { z } from 'zod';
import type { Deps } from '../deps.js';
import { createRouter } from '../http/router.js';
import { requireSession, userIdOf } from '../http/auth.js';
import type { AppContext } from '../http/context.js';
import { ZIdParams } from '../http/params.js';
import type { ExportFile } from '../fees/export.js';
import { confirmInvitation, inviteToRole, listInvitations, revokeInvitation } from './invite.js';
import { listPeople, placesOf, removeRole } from './people.js';
import { exportAudit, listAudit } from './audit-log.js';
import { ZAuditExport, ZAuditQuery, ZInvitationQuery, ZInvite, ZPlaceQuery, ZRemoveRole } from './schema.js';

const ZNoQuery = z.object({}).strict();

function sendFile(ctx: AppContext, file: ExportFile) {
  ctx.type = file.type;
  ctx.attachment(file.filename);
  ctx.set('cache-control', 'no-store');
  ctx.body = file.body;
}

/** People and roles, and the company's audit log (issue 27; docs/roles.md). Desk sessions reach /api/company. */
export function rolesRoutes(deps: Deps) {
  const router = createRouter('/api/company');
  const session = requireSession(deps.sessions);
  router.get('/places', session, async (ctx) => {
    ZNoQuery.parse(ctx.query);
    ctx.body = await placesOf(deps, userIdOf(ctx));
  });
  router.get('/people', session, async (ctx) => {
    ctx.body = await listPeople(deps, userIdOf(ctx), ZPlaceQuery.parse(ctx.query));
  });
  router.delete('/roles/:id', session, async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    // DELETE has no body here: the optional reason travels in the query.
    const { reason } = ZRemoveRole.parse(ctx.query);
    ctx.body = await removeRole(deps, userIdOf(ctx), id, reason);
  });
  router.post('/invitations', session, async (ctx) => {
    ctx.status = 201;
    ctx.set('cache-control', 'no-store');
    ctx.body = await inviteToRole(deps, userIdOf(ctx), ZInvite.parse(ctx.request.body));
  });
  router.get('/invitations', session, async (ctx) => {
    ctx.body = await listInvitations(deps, userIdOf(ctx), ZInvitationQuery.parse(ctx.query));
  });
  router.post('/invitations/:id/confirm', session, async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    ZNoQuery.parse(ctx.request.body ?? {});
    ctx.body = await confirmInvitation(deps, userIdOf(ctx), id);
  });
  router.post('/invitations/:id/revoke', session, async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    ZNoQuery.parse(ctx.request.body ?? {});
    ctx.body = await revokeInvitation(deps, userIdOf(ctx), id);
  });
  router.get('/audit', session, async (ctx) => {
    ctx.body = await listAudit(deps, userIdOf(ctx), ZAuditQuery.parse(ctx.query));
  });
  router.get('/audit/export', session, async (ctx) => {
    sendFile(ctx, await exportAudit(deps, userIdOf(ctx), ZAuditExport.parse(ctx.query)));
  });
  return router;
}
