import type { Deps } from '../deps.js';
import { createRouter } from '../http/router.js';
import { requireSession, userIdOf } from '../http/auth.js';
import { ZCommunityParams, ZIdParams } from '../http/params.js';
import { ZComplaintAction, ZComplaintListQuery, ZFileComplaint, ZFileForCaller } from './schema.js';
import { ZComplaintSla } from './clocks.js';
import { fileComplaint, fileForCaller } from './file.js';
import { actOnComplaint } from './actions.js';
import { getComplaint, listMyComplaints } from './view.js';
import { listOfficeComplaints, ZOfficeComplaintListQuery } from './office-list.js';
import { getComplaintSla, putComplaintSla } from './settings.js';

export function complaintRoutes(deps: Deps) {
  const router = createRouter('/api');
  router.use(requireSession(deps.sessions));
  router.post('/complaints', async (ctx) => {
    const input = ZFileComplaint.parse(ctx.request.body);
    ctx.status = 201;
    ctx.body = await fileComplaint(deps, userIdOf(ctx), input);
  });
  router.get('/complaints', async (ctx) => {
    ctx.body = await listMyComplaints(deps, userIdOf(ctx), ZComplaintListQuery.parse(ctx.query));
  });
  router.get('/complaints/:id', async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    ctx.body = await getComplaint(deps, userIdOf(ctx), id);
  });
  router.post('/complaints/:id/actions', async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    const action = ZComplaintAction.parse(ctx.request.body);
    ctx.body = await actOnComplaint(deps, userIdOf(ctx), id, action);
  });
  router.post('/staff/communities/:communityId/complaints', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    const input = ZFileForCaller.parse(ctx.request.body);
    ctx.status = 201;
    ctx.body = await fileForCaller(deps, userIdOf(ctx), communityId, input);
  });
  router.get('/staff/communities/:communityId/complaints', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    const q = ZOfficeComplaintListQuery.parse(ctx.query);
    ctx.body = await listOfficeComplaints(deps, userIdOf(ctx), communityId, q);
  });
  // The desk console's detail and actions: only the caller's staff side counts (a desk never answers as
  // the resident, docs/console.md §Voice).
  router.get('/staff/complaints/:id', async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    ctx.body = await getComplaint(deps, userIdOf(ctx), id, true);
  });
  router.post('/staff/complaints/:id/actions', async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    const action = ZComplaintAction.parse(ctx.request.body);
    ctx.body = await actOnComplaint(deps, userIdOf(ctx), id, action, true);
  });
  router.get('/staff/communities/:communityId/complaint-sla', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    ctx.body = await getComplaintSla(deps, userIdOf(ctx), communityId);
  });
  router.put('/staff/communities/:communityId/complaint-sla', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    ctx.body = await putComplaintSla(deps, userIdOf(ctx), communityId, ZComplaintSla.parse(ctx.request.body));
  });
  return router;
}
