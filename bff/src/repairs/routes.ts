import type { Deps } from '../deps.js';
import { createRouter } from '../http/router.js';
import { atDesk, requireSession, userIdOf } from '../http/auth.js';
import { ZCommunityParams, ZIdParams } from '../http/params.js';
import { ZAppointmentAnswer, ZFileRepair, ZRepairAction, ZRepairListQuery, ZRepairOnBehalf } from './schema.js';
import { fileRepairOnBehalf } from './on-behalf.js';
import { fileRepair } from './file-repair.js';
import { getRepair } from './get-repair.js';
import { actOnRepair, answerAppointment } from './transitions.js';
import { overdueBoard, serviceLevel } from './service-level.js';
import { getSlaSettings, putSlaSettings } from './sla-settings.js';
import { ZSlaSettings } from './sla.js';
import { listCommunityRepairs, listMyJobs, listMyRepairs, listTechnicians } from './list-repairs.js';
import { listCommunityStaff } from './community-staff.js';

export function repairRoutes(deps: Deps) {
  const router = createRouter('/api');
  router.use(requireSession(deps.sessions));
  router.post('/repairs', async (ctx) => {
    const input = ZFileRepair.parse(ctx.request.body);
    ctx.status = 201;
    ctx.body = await fileRepair(deps, userIdOf(ctx), input);
  });
  router.get('/repairs', async (ctx) => {
    ctx.body = await listMyRepairs(deps, userIdOf(ctx), ZRepairListQuery.parse(ctx.query));
  });
  router.get('/repairs/jobs', async (ctx) => {
    ctx.body = await listMyJobs(deps, userIdOf(ctx), ZRepairListQuery.parse(ctx.query));
  });
  router.get('/repairs/:id', async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    ctx.body = await getRepair(deps, userIdOf(ctx), id, atDesk(ctx));
  });
  router.post('/repairs/:id/actions', async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    const action = ZRepairAction.parse(ctx.request.body);
    ctx.body = await actOnRepair(deps, userIdOf(ctx), id, action, atDesk(ctx));
  });
  router.post('/repairs/:id/appointment-answer', async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    const { agree } = ZAppointmentAnswer.parse(ctx.request.body);
    ctx.body = await answerAppointment(deps, userIdOf(ctx), id, agree);
  });
  router.get('/staff/communities/:communityId/repairs', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    ctx.body = await listCommunityRepairs(deps, userIdOf(ctx), communityId, ZRepairListQuery.parse(ctx.query));
  });
  router.post('/staff/communities/:communityId/repairs/on-behalf', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    const input = ZRepairOnBehalf.parse(ctx.request.body);
    ctx.status = 201;
    ctx.body = await fileRepairOnBehalf(deps, userIdOf(ctx), communityId, input);
  });
  router.get('/staff/communities/:communityId/repairs/overdue', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    ctx.body = await overdueBoard(deps, userIdOf(ctx), communityId);
  });
  router.get('/staff/communities/:communityId/repair-sla', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    ctx.body = await getSlaSettings(deps, userIdOf(ctx), communityId);
  });
  router.put('/staff/communities/:communityId/repair-sla', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    ctx.body = await putSlaSettings(deps, userIdOf(ctx), communityId, ZSlaSettings.parse(ctx.request.body));
  });
  router.get('/communities/:communityId/repair-service', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    ctx.body = await serviceLevel(deps, userIdOf(ctx), communityId);
  });
  router.get('/staff/communities/:communityId/technicians', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    ctx.body = { items: await listTechnicians(deps, userIdOf(ctx), communityId) };
  });
  router.get('/staff/communities/:communityId/staff', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    ctx.body = { items: await listCommunityStaff(deps, userIdOf(ctx), communityId) };
  });
  return router;
}
