import type { Module } from '../module.js';
import { REJECTED_TEXT } from '../repairs/held-text.js';
import { complaintRoutes } from './routes.js';
import { maySeeComplaint } from './view.js';
import { notifyComplaintBreaches, sweepComplaintSla } from './sweep.js';
import { autoCloseComplaints } from './auto-close.js';

/**
 * 投诉 / 咨询 (docs/domain.md §8): filed by residents or by the office for a caller, triaged and handled on
 * the SLA engine's clocks (swept every minute, breaches pushed once), confirmed with the resident,
 * closed by itself after a week without an answer.
 */
export const complaintsModule: Module = {
  name: 'complaints',
  routes: complaintRoutes,
  uploadAccess: { complaint: maySeeComplaint },
  jobs: [sweepComplaintSla, notifyComplaintBreaches, autoCloseComplaints],
  schedules: [
    { job: sweepComplaintSla, cron: '* * * * *' },
    { job: autoCloseComplaints, cron: '*/10 * * * *' },
  ],
  moderation: {
    // Passed: shown to the person handling it. Rejected: the text and the place are replaced; the
    // complaint is still handled (as a repair's, docs/domain.md §1).
    complaint: async (_deps, tx, review, approved) => {
      const held = await tx.complaint.findUniqueOrThrow({ where: { id: review.recordId }, select: { place: true } });
      await tx.complaint.update({
        where: { id: review.recordId },
        data: approved
          ? { textHeld: false }
          : { textHeld: false, text: REJECTED_TEXT, place: held.place == null ? null : REJECTED_TEXT },
      });
    },
  },
};
