import type { Deps } from '../deps.js';
import { createRouter } from '../http/router.js';
import { requireSession, userIdOf } from '../http/auth.js';
import { ZCommunityParams, ZIdParams } from '../http/params.js';
import { listBuildings, listCommunities, listUnits } from './directory.js';
import { createBindRequest } from './create-bind-request.js';
import { listMyBindRequests } from './list-my-bind-requests.js';
import { listBindRequestQueue } from './list-bind-request-queue.js';
import { decideBindRequest } from './decide-bind-request.js';
import { listUnitMembers } from './members.js';
import { recordTransfer } from './record-transfer.js';
import { listTransfers } from './list-transfers.js';
import { decideHouseholdRequest, listHousehold, removeHouseholdMember } from './household.js';
import { ZPageQuery } from '../http/params.js';
import {
  ZBindRequestQueueQuery,
  ZBuildingParams,
  ZCreateBindRequest,
  ZDecideBindRequest,
  ZDecideHousehold,
  ZHouseholdParams,
  ZRecordTransfer,
  ZRemoveHouseholdMember,
  ZUnitParams,
} from './schema.js';

/** The address directory, bind requests (the resident's and the office's side) and unit members. */
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

  // An owner of record and their household (docs/roles.md, Households).
  router.get('/units/:unitId/household', async (ctx) => {
    const { unitId } = ZUnitParams.parse(ctx.params);
    ctx.body = await listHousehold(deps, userIdOf(ctx), unitId);
  });
  router.post('/units/:unitId/household/:membershipId/decision', async (ctx) => {
    const { unitId, membershipId } = ZHouseholdParams.parse(ctx.params);
    const input = ZDecideHousehold.parse(ctx.request.body);
    ctx.body = await decideHouseholdRequest(deps, userIdOf(ctx), unitId, membershipId, input);
  });
  router.post('/units/:unitId/household/:membershipId/removal', async (ctx) => {
    const { unitId, membershipId } = ZHouseholdParams.parse(ctx.params);
    const { reason } = ZRemoveHouseholdMember.parse(ctx.request.body ?? {});
    ctx.body = await removeHouseholdMember(deps, userIdOf(ctx), unitId, membershipId, reason);
  });

  // 过户 (docs/roles.md, Ownership transfer).
  router.post('/staff/units/:unitId/transfers', async (ctx) => {
    const { unitId } = ZUnitParams.parse(ctx.params);
    const input = ZRecordTransfer.parse(ctx.request.body);
    ctx.status = 201;
    ctx.body = await recordTransfer(deps, userIdOf(ctx), unitId, input);
  });
  router.get('/staff/communities/:communityId/transfers', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    const query = ZPageQuery.strict().parse(ctx.query);
    ctx.body = await listTransfers(deps, userIdOf(ctx), communityId, query);
  });

  router.get('/staff/communities/:communityId/bind-requests', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    const query = ZBindRequestQueueQuery.parse(ctx.query);
    ctx.body = await listBindRequestQueue(deps, userIdOf(ctx), communityId, query);
  });
  router.post('/staff/bind-requests/:id/decision', async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    const input = ZDecideBindRequest.parse(ctx.request.body);
    ctx.body = await decideBindRequest(deps, userIdOf(ctx), id, input);
  });
  return router;
}
