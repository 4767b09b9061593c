import { z } from 'zod';
import type { Deps } from '../deps.js';
import { defineJob } from '../jobs/define.js';
import { ZId } from '../http/params.js';
import { queuePush } from '../push/outbox.js';
import { CLOCK_LABEL, chainFor, loadSla } from './sla.js';
import { staffWithRoles } from './staff-roles.js';
import { shownText } from './held-text.js';

const summaryOf = (r: { part: string; phenomenon: string }) => `${r.part}：${r.phenomenon}`;

/**
 * Who hears of a missed deadline: the community's managers always; a missed acceptance also the
 * escalation step it reached (docs/domain.md §1: second responder, then supervisor); a missed contact,
 * arrival or result also the technician it is assigned to.
 */
async function recipientsOf(
  deps: Deps,
  b: { communityId: string; clock: string; step: number; repair: { assigneeId: string | null; emergency: boolean } },
) {
  const ids = new Set(await staffWithRoles(deps.db, b.communityId, ['MANAGER']));
  if (b.clock === 'ACCEPT') {
    // The step of the repair's own chain, emergency or routine (docs/domain.md §1, escalation).
    const step = chainFor(await loadSla(deps.db, b.communityId), b.repair.emergency)[b.step];
    if (step) {
      for (const id of await staffWithRoles(deps.db, b.communityId, step.roles)) ids.add(id);
      for (const id of step.userIds) ids.add(id);
    }
  } else if (b.repair.assigneeId) ids.add(b.repair.assigneeId);
  return [...ids];
}

/**
 * Pushes each new breach to its responsible staff, once: the breach is marked notified in the same
 * transaction that writes its pushes to the outbox, so a retried job skips what it already did.
 */
export const notifyBreaches = defineJob({
  name: 'repairs.breach-notify',
  schema: z.object({ breachIds: z.array(ZId).min(1) }),
  handler: async (deps, { breachIds }) => {
    const breaches = await deps.db.repairBreach.findMany({
      where: { id: { in: breachIds }, notifiedAt: null },
      include: {
        repair: {
          select: {
            id: true,
            number: true,
            part: true,
            phenomenon: true,
            textHeld: true,
            assigneeId: true,
            emergency: true,
          },
        },
      },
    });
    for (const b of breaches) {
      const recipients = await recipientsOf(deps, b);
      await deps.db.$transaction(async (tx) => {
        const marked = await tx.repairBreach.updateMany({
          where: { id: b.id, notifiedAt: null },
          data: { notifiedAt: deps.clock.now() },
        });
        if (marked.count === 0) return;
        await queuePush(deps, tx, {
          template: 'repairOverdue',
          recipients: recipients.map((userId) => ({ userId, communityId: b.communityId })),
          values: {
            number: b.repair.number,
            clock: `${CLOCK_LABEL[b.clock]}超时`,
            summary: summaryOf(shownText(b.repair, false)), // one message for all: held text for none
            dueAt: b.dueAt,
          },
          pageQuery: { id: b.repair.id },
          event: { kind: 'repair.overdue', id: b.id },
        });
      });
    }
  },
});
