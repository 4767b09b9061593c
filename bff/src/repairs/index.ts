import type { Module } from '../module.js';
import { repairRoutes } from './routes.js';
import { maySeeRepair } from './access.js';
import { sweepRepairSla } from './sla-sweep.js';
import { notifyBreaches } from './breach-notify.js';
import { rejectedText } from './held-text.js';

/**
 * 报修: filing, the state machine with its history, lists for residents, the office and technicians,
 * and the SLA clocks — swept every minute, breaches recorded once and pushed to the staff.
 */
export const repairsModule: Module = {
  name: 'repairs',
  routes: repairRoutes,
  uploadAccess: { repair: maySeeRepair },
  jobs: [sweepRepairSla, notifyBreaches],
  schedules: [{ job: sweepRepairSla, cron: '* * * * *' }],
  moderation: {
    // Passed: shown to the technician. Rejected: every screened field is replaced; the repair still gets
    // done (docs/domain.md §1, text held for review).
    repair: async (_deps, tx, review, approved) => {
      const held = await tx.repairRequest.findUniqueOrThrow({
        where: { id: review.recordId },
        select: { commonArea: true, part: true, phenomenon: true, description: true, preferredTime: true },
      });
      await tx.repairRequest.update({
        where: { id: review.recordId },
        data: approved ? { textHeld: false } : { textHeld: false, ...rejectedText(held) },
      });
    },
    'repair-rating': async (_deps, tx, review, approved) => {
      await tx.repairRequest.update({
        where: { id: review.recordId },
        data: approved ? { ratingCommentHeld: false } : { ratingCommentHeld: false, ratingComment: null },
      });
    },
  },
};
