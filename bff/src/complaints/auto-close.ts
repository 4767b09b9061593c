import { z } from 'zod';
import type { Deps } from '../deps.js';
import { defineJob } from '../jobs/define.js';

export const AUTO_CLOSE_NOTE = '住户未在期限内答复，系统自动办结';

/**
 * Complaints done and left unanswered by the resident for the community's `autoCloseDays` (7 by default)
 * close by themselves, shown as such (closure AUTO, a history row by the system; docs/domain.md §8). One
 * statement: a resident answering at the same moment either wins (the row is no longer DONE) or finds it
 * closed.
 */
export async function closeUnanswered(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const closed = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "Complaint" SET "status" = 'CLOSED', "closure" = 'AUTO', "closedAt" = ${now}, "updatedAt" = ${now}
       WHERE "status" = 'DONE' AND "autoCloseAt" <= ${now}
      RETURNING "id"`;
    if (closed.length > 0)
      await tx.complaintEvent.createMany({
        data: closed.map((c) => ({
          complaintId: c.id,
          action: 'auto-close',
          fromStatus: 'DONE' as const,
          toStatus: 'CLOSED' as const,
          actorId: null,
          note: AUTO_CLOSE_NOTE,
          at: now,
        })),
      });
    return closed.length;
  });
}

/** Every ten minutes (cron): a pg-boss job, so a closure happens once whichever worker runs it. */
export const autoCloseComplaints = defineJob({
  name: 'complaints.auto-close',
  schema: z.object({}).passthrough(),
  retry: { limit: 2, delaySeconds: 30, backoff: false },
  handler: async (deps) => {
    const closed = await closeUnanswered(deps);
    if (closed > 0) deps.logger.info({ closed }, 'complaints closed without an answer');
  },
});
