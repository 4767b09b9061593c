import type { RepairClock } from '@prisma/client';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { defineJob } from '../jobs/define.js';
import { sweepClocks, type ClockSubject, type SweptRow } from '../clocks/sweep.js';
import { chainFor, runningDeadlines, slaOf, type ClockState, type SlaSettings } from './sla.js';
import { notifyBreaches } from './breach-notify.js';

type Row = SweptRow & ClockState & { emergency: boolean };

/**
 * Repairs on the SLA engine (docs/domain.md §1): the acceptance clock climbs the escalation chain of the
 * repair's kind, emergency or routine; contact, arrival and result are missed once per reopening.
 */
export const repairClocks: ClockSubject<RepairClock, Row, SlaSettings> = {
  table: 'RepairRequest',
  breachTable: 'RepairBreach',
  foreignKey: 'repairId',
  clockType: 'RepairClock',
  columns: `"status", "emergency", "acceptedAt", "contactedAt", "arrivedAt", "resolvedAt", "acceptDueAt", "contactDueAt", "arriveDueAt", "feedbackDueAt"`,
  cycleColumn: 'reopenCount',
  climbing: 'ACCEPT',
  running: runningDeadlines,
  loadSettings: async (tx, communities) => {
    const rows = await tx.repairSlaSettings.findMany({ where: { communityId: { in: communities } } });
    const byCommunity = new Map(rows.map((s) => [s.communityId, slaOf(s)]));
    return (communityId) => byCommunity.get(communityId) ?? slaOf(null);
  },
  chainOf: (sla, r) => chainFor(sla, r.emergency),
  notify: notifyBreaches,
  counted: (deps, clock) => deps.metrics.slaBreaches.inc({ clock }),
};

/** One pass over the repairs whose next deadline has come (clocks/sweep.ts). */
export async function sweepRepairClocks(deps: Deps): Promise<{ repairs: number; breaches: number }> {
  const { subjects, breaches } = await sweepClocks(deps, repairClocks);
  return { repairs: subjects, breaches };
}

/** Every minute (cron): the deadlines of repairs, enforced in PostgreSQL, never by in-process timers. */
export const sweepRepairSla = defineJob({
  name: 'repairs.sla-sweep',
  schema: z.object({}).passthrough(),
  retry: { limit: 2, delaySeconds: 10, backoff: false },
  handler: async (deps) => {
    const { repairs, breaches } = await sweepRepairClocks(deps);
    if (breaches > 0) deps.logger.info({ repairs, breaches }, 'repair deadlines missed');
  },
});
