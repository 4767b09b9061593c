import type { Deps } from '../deps.js';
import { createRouter } from '../http/router.js';
import { requireSession, userIdOf } from '../http/auth.js';
import { ZIdParams } from '../http/params.js';
import { createBuilding, editBuilding, listBuildings, retireBuilding } from './buildings.js';
import { createCommunity, editCommunity, listMasterCommunities, retireCommunity } from './communities.js';
import { createParking, editParking, listParking, retireParking } from './parking.js';
import { createUnit, editUnit, listUnits, retireUnit } from './units.js';
import {
  ZBuildingListQuery,
  ZCreateBuilding,
  ZCreateCommunity,
  ZCreateParking,
  ZCreateUnit,
  ZEditBuilding,
  ZEditCommunity,
  ZEditParking,
  ZEditUnit,
  ZParkingListQuery,
  ZRetire,
  ZUnitListQuery,
} from './schema.js';
import { z } from 'zod';

const ZNoQuery = z.object({}).strict();

/** Communities, buildings, units and parking edited at the desk (issue 27; docs/master-data.md). */
export function masterRoutes(deps: Deps) {
  const router = createRouter('/api/staff/master');
  const session = requireSession(deps.sessions);
  router.get('/communities', session, async (ctx) => {
    ZNoQuery.parse(ctx.query);
    ctx.body = await listMasterCommunities(deps, userIdOf(ctx));
  });
  router.post('/communities', session, async (ctx) => {
    ctx.status = 201;
    ctx.body = await createCommunity(deps, userIdOf(ctx), ZCreateCommunity.parse(ctx.request.body));
  });
  router.patch('/communities/:id', session, async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    ctx.body = await editCommunity(deps, userIdOf(ctx), id, ZEditCommunity.parse(ctx.request.body));
  });
  router.post('/communities/:id/retire', session, async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    ctx.body = await retireCommunity(deps, userIdOf(ctx), id, ZRetire.parse(ctx.request.body).reason);
  });

  router.get('/buildings', session, async (ctx) => {
    ctx.body = await listBuildings(deps, userIdOf(ctx), ZBuildingListQuery.parse(ctx.query));
  });
  router.post('/buildings', session, async (ctx) => {
    ctx.status = 201;
    ctx.body = await createBuilding(deps, userIdOf(ctx), ZCreateBuilding.parse(ctx.request.body));
  });
  router.patch('/buildings/:id', session, async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    ctx.body = await editBuilding(deps, userIdOf(ctx), id, ZEditBuilding.parse(ctx.request.body));
  });
  router.post('/buildings/:id/retire', session, async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    ctx.body = await retireBuilding(deps, userIdOf(ctx), id, ZRetire.parse(ctx.request.body).reason);
  });

  router.get('/units', session, async (ctx) => {
    ctx.body = await listUnits(deps, userIdOf(ctx), ZUnitListQuery.parse(ctx.query));
  });
  router.post('/units', session, async (ctx) => {
    ctx.status = 201;
    ctx.body = await createUnit(deps, userIdOf(ctx), ZCreateUnit.parse(ctx.request.body));
  });
  router.patch('/units/:id', session, async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    ctx.body = await editUnit(deps, userIdOf(ctx), id, ZEditUnit.parse(ctx.request.body));
  });
  router.post('/units/:id/retire', session, async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    ctx.body = await retireUnit(deps, userIdOf(ctx), id, ZRetire.parse(ctx.request.body).reason);
  });

  router.get('/parking', session, async (ctx) => {
    ctx.body = await listParking(deps, userIdOf(ctx), ZParkingListQuery.parse(ctx.query));
  });
  router.post('/parking', session, async (ctx) => {
    ctx.status = 201;
    ctx.body = await createParking(deps, userIdOf(ctx), ZCreateParking.parse(ctx.request.body));
  });
  router.patch('/parking/:id', session, async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    ctx.body = await editParking(deps, userIdOf(ctx), id, ZEditParking.parse(ctx.request.body));
  });
  router.post('/parking/:id/retire', session, async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    ctx.body = await retireParking(deps, userIdOf(ctx), id, ZRetire.parse(ctx.request.body).reason);
  });
  return router;
}
