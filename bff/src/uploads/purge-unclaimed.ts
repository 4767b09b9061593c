import { z } from 'zod';
import { defineJob } from '../jobs/define.js';

/** Uploads nobody claimed within this long are deleted (a resident who gave up on a form). */
export const UNCLAIMED_TTL_MS = 24 * 3600 * 1000;
const BATCH = 200;

/**
 * Deletes unclaimed uploads older than a day: files first, then rows, a batch at a time. Idempotent:
 * a file already gone is no error, and a row is deleted only while still unclaimed.
 */
export const purgeUnclaimedUploads = defineJob({
  name: 'uploads.purge-unclaimed',
  schema: z.object({}).passthrough(),
  singletonKey: () => 'all',
  retry: { limit: 3, delaySeconds: 60, backoff: true },
  handler: async (deps) => {
    const before = new Date(deps.clock.now().getTime() - UNCLAIMED_TTL_MS);
    for (;;) {
      const stale = await deps.db.upload.findMany({
        where: { claimedAt: null, createdAt: { lt: before } },
        select: { id: true, storageKey: true, thumbKey: true },
        take: BATCH,
      });
      if (stale.length === 0) return;
      await deps.storage.delete(stale.flatMap((u) => (u.thumbKey ? [u.storageKey, u.thumbKey] : [u.storageKey])));
      await deps.db.upload.deleteMany({ where: { id: { in: stale.map((u) => u.id) }, claimedAt: null } });
      if (stale.length < BATCH) return;
    }
  },
});
