import type { Deps } from '../deps.js';
import { createRouter } from '../http/router.js';
import { requireSession, userIdOf } from '../http/auth.js';
import { listBuildings, listCommunities, listUnits } from './directory.js';
import { createBindRequest, listMyBindRequests } from './bind-requests.js';
import { listUnitMembers } from './members.js';
import { ZBuildingParams, ZCommunityParams, ZCreateBindRequest, ZUnitParams } from './schema.js';

export function unitRoutes(deps: Deps) {
  const router = createRouter('/api');
  router.use(requireSession(deps.sessions));
  router.get('/communities', async (ctx) => {
    ctx.body = { items: await listCommunities(deps) };
  });
  router.get('/communities/:communityId/buildings', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    ctx.body = { items: await listBuildings(deps, communityId) };
  });
  router.get('/buildings/:buildingId/units', async (ctx) => {
    const { buildingId } = ZBuildingParams.parse(ctx.params);
    ctx.body = { items: await listUnits(deps, buildingId) };
  });
  router.post('/units/bind-requests', async (ctx) => {
    const input = ZCreateBindRequest.parse(ctx.request.body);
    ctx.status = 201;
    ctx.body = await createBindRequest(deps, userIdOf(ctx), input);
  });
  router.get('/units/bind-requests', async (ctx) => {
    ctx.body = { items: await listMyBindRequests(deps, userIdOf(ctx)) };
  });
  router.get('/units/:unitId/members', async (ctx) => {
    const { unitId } = ZUnitParams.parse(ctx.params);
    ctx.body = { items: await listUnitMembers(deps, userIdOf(ctx), unitId) };
  });
  return router;
}
