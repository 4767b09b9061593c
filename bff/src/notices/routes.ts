import { z } from 'zod';
import type { Deps } from '../deps.js';
import { createRouter } from '../http/router.js';
import { requireSession, userIdOf } from '../http/auth.js';
import { ZCommunityParams, ZIdParams } from '../http/params.js';
import { ZNoticeInput, ZResidentListQuery, ZStaffListQuery, ZWithdraw } from './schema.js';
import { createNotice, updateNotice } from './save-notice.js';
import { publishNotice, withdrawNotice } from './publish-notice.js';
import { listStaffNotices } from './list-staff-notices.js';
import { getStaffNotice, listUnreadUnits } from './get-staff-notice.js';
import { listResidentNotices, readNotice } from './resident-notices.js';

const ZUpdate = z.object({ version: z.number('请带上编辑时的版本号').int().min(1) });

export function noticeRoutes(deps: Deps) {
  const router = createRouter('/api');
  router.use(requireSession(deps.sessions));

  // Residents
  router.get('/notices', async (ctx) => {
    const page = await listResidentNotices(deps, userIdOf(ctx), ZResidentListQuery.parse(ctx.query));
    ctx.type = 'json';
    ctx.body = page.bytes;
  });
  router.get('/notices/:id', async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    ctx.body = await readNotice(deps, userIdOf(ctx), id);
  });

  // The office
  router.post('/staff/notices', async (ctx) => {
    const input = ZNoticeInput.parse(ctx.request.body);
    ctx.status = 201;
    ctx.body = await createNotice(deps, userIdOf(ctx), input);
  });
  router.get('/staff/communities/:communityId/notices', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    ctx.body = await listStaffNotices(deps, userIdOf(ctx), communityId, ZStaffListQuery.parse(ctx.query));
  });
  router.get('/staff/notices/:id', async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    ctx.body = await getStaffNotice(deps, userIdOf(ctx), id);
  });
  router.put('/staff/notices/:id', async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    const body = ctx.request.body as Record<string, unknown> | undefined;
    const { version } = ZUpdate.parse({ version: body?.version });
    const input = ZNoticeInput.parse(Object.fromEntries(Object.entries(body ?? {}).filter(([k]) => k !== 'version')));
    ctx.body = await updateNotice(deps, userIdOf(ctx), id, { ...input, version });
  });
  router.post('/staff/notices/:id/publish', async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    ctx.body = await publishNotice(deps, userIdOf(ctx), id);
  });
  router.post('/staff/notices/:id/withdraw', async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    const { reason } = ZWithdraw.parse(ctx.request.body);
    ctx.body = await withdrawNotice(deps, userIdOf(ctx), id, reason);
  });
  router.get('/staff/notices/:id/unread-units', async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    ctx.body = { items: await listUnreadUnits(deps, userIdOf(ctx), id) };
  });
  return router;
}
