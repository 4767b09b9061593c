import type { Deps } from '../deps.js';
import { createRouter } from '../http/router.js';
import { atDesk, requireSession, userIdOf } from '../http/auth.js';
import { ZCommunityParams, ZIdParams } from '../http/params.js';
import { ZNewSnapshot, ZSnapshotAction, ZSnapshotListQuery, ZSnapshotOnBehalf } from './schema.js';
import { fileSnapshotOnBehalf } from './on-behalf.js';
import {
  actOnSnapshot,
  createSnapshot,
  getSnapshot,
  listCommunitySnapshots,
  listMySnapshots,
  praiseWall,
} from './snapshots.js';

export function snapshotRoutes(deps: Deps) {
  const router = createRouter('/api');
  router.use(requireSession(deps.sessions));
  router.post('/snapshots', async (ctx) => {
    const input = ZNewSnapshot.parse(ctx.request.body);
    ctx.status = 201;
    ctx.body = await createSnapshot(deps, userIdOf(ctx), input);
  });
  router.get('/snapshots', async (ctx) => {
    ctx.body = await listMySnapshots(deps, userIdOf(ctx), ZSnapshotListQuery.parse(ctx.query));
  });
  router.get('/snapshots/:id', async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    ctx.body = await getSnapshot(deps, userIdOf(ctx), id, atDesk(ctx));
  });
  router.post('/snapshots/:id/actions', async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    const action = ZSnapshotAction.parse(ctx.request.body);
    ctx.body = await actOnSnapshot(deps, userIdOf(ctx), id, action, atDesk(ctx));
  });
  router.get('/communities/:communityId/praise-wall', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    ctx.body = await praiseWall(deps, userIdOf(ctx), communityId, ZSnapshotListQuery.parse(ctx.query));
  });
  router.post('/staff/communities/:communityId/snapshots/on-behalf', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    const input = ZSnapshotOnBehalf.parse(ctx.request.body);
    ctx.status = 201;
    ctx.body = await fileSnapshotOnBehalf(deps, userIdOf(ctx), communityId, input);
  });
  router.get('/staff/communities/:communityId/snapshots', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    ctx.body = await listCommunitySnapshots(deps, userIdOf(ctx), communityId, ZSnapshotListQuery.parse(ctx.query));
  });
  return router;
}
