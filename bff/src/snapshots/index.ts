import { z } from 'zod';
import type { Module } from '../module.js';
import { defineJob } from '../jobs/define.js';
import { snapshotRoutes } from './routes.js';
import { autoCloseSnapshots, maySeeSnapshotUpload } from './snapshots.js';

export const autoCloseJob = defineJob({
  name: 'snapshots.auto-close',
  schema: z.object({}).passthrough(),
  singletonKey: () => 'all',
  handler: async (deps) => {
    const closed = await autoCloseSnapshots(deps);
    if (closed > 0) deps.logger.info({ closed }, 'snapshots closed automatically after 10 days');
  },
});

/** 随手拍: praise, suggestions and problems; opening is accepting, a reply is handling, 10 idle days close it. */
export const snapshotsModule: Module = {
  name: 'snapshots',
  routes: snapshotRoutes,
  uploadAccess: { snapshot: maySeeSnapshotUpload },
  jobs: [autoCloseJob],
  schedules: [{ job: autoCloseJob, cron: '7 * * * *' }],
  moderation: {
    // Passed: on the wall (if its author allowed it). Rejected: the text is replaced for good.
    snapshot: async (_deps, tx, review, approved) => {
      await tx.snapshot.update({
        where: { id: review.recordId },
        data: approved
          ? { textHeld: false }
          : { textHeld: false, wallConsent: false, text: '（内容未通过审核，已隐藏）' },
      });
    },
    'snapshot-message': async (_deps, tx, review, approved) => {
      await tx.snapshotMessage.update({
        where: { id: review.recordId },
        data: approved ? { held: false } : { held: false, text: '（内容未通过审核，已隐藏）' },
      });
    },
  },
};
