import type { Deps } from '../deps.js';
import { recordOnBehalf, resolveCaller } from '../repairs/on-behalf.js';
import type { SnapshotOnBehalf } from './schema.js';
import { storeSnapshot } from './create.js';
import { getSnapshot } from './snapshots.js';

/**
 * 代客登记: the office registers a 随手拍 for a resident of one of the community's units. It is theirs
 * (their list, their follow-ups, their close); the row in FiledOnBehalf names who typed it and how the
 * resident came. The same rules as 代客报修 decide who may and for whom (repairs/on-behalf.ts).
 */
export async function fileSnapshotOnBehalf(deps: Deps, staffId: string, communityId: string, input: SnapshotOnBehalf) {
  await resolveCaller(deps, staffId, communityId, { ...input, contactPhone: undefined, phoneOptional: true });
  const { unitId, residentId, channel, ...rest } = input;
  const id = await storeSnapshot(
    deps,
    { authorId: residentId, actorId: staffId },
    { ...rest, communityId, wallConsent: false },
    (tx, recordId, at) =>
      recordOnBehalf(tx, {
        recordKind: 'snapshot',
        recordId,
        communityId,
        unitId,
        residentId,
        filedById: staffId,
        channel,
        at,
      }),
  );
  return getSnapshot(deps, staffId, id, true);
}
