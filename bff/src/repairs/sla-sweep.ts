import type { RepairClock } from '@prisma/client';

import { z } from 'zod';
import type { Deps } from '../deps.js';
import { defineJob } from '../jobs/define.js';
import { chainFor, runningDeadlines, slaOf, type ClockState, type EscalationStep } from './sla.js';
import { notifyBreaches } from './breach-notify.js';

/** Repairs taken per transaction: the sweep locks them (SKIP LOCKED), so two sweeps share the work. */
export const SWEEP_BATCH = 1000;

type Row = ClockState & { id: string; communityId: string; reopenCount: number; emergency: boolean };
type Breach = { repairId: string; communityId: string; clock: RepairClock; cycle: number; step: number; dueAt: Date };

/**
 * What a repair's missed deadlines are at `now`, and its clocks after them. An unaccepted repair
 * climbs the escalation chain: missing step k's deadline records breach (ACCEPT, k) and hands it to
 * chain[k], whose own deadline (`minutes`) starts the next step, until the chain ends. Several steps
 * missed while no sweep ran are all recorded, in order.
 */
export function missedDeadlines(r: Row, chain: EscalationStep[], now: Date) {
  const breaches: Breach[] = [];
  const state = { ...r };
  for (;;) {
    const missed = runningDeadlines(state).find((d) => d.clock === 'ACCEPT' && d.dueAt <= now);
    if (!missed) break;
    breaches.push({
      repairId: r.id,
      communityId: r.communityId,
      clock: 'ACCEPT',
      cycle: 0,
      step: missed.step,
      dueAt: missed.dueAt,
    });
    state.escalationStep = missed.step + 1;
    const next = chain[missed.step + 1] && chain[missed.step];
    state.escalateDueAt = next ? new Date(missed.dueAt.getTime() + next.minutes * 60_000) : null;
  }
  for (const d of runningDeadlines(state)) {
    if (d.clock !== 'ACCEPT' && d.dueAt <= now)
      breaches.push({
        repairId: r.id,
        communityId: r.communityId,
        clock: d.clock,
        cycle: r.reopenCount,
        step: 0,
        dueAt: d.dueAt,
      });
  }
  // The next deadline to watch is the earliest one not yet missed.
  const nextDueAt = runningDeadlines(state).find((d) => d.dueAt > now)?.dueAt ?? null;
  return { breaches, escalationStep: state.escalationStep, escalateDueAt: state.escalateDueAt, nextDueAt };
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * One pass over the repairs whose next deadline has come: each missed deadline is recorded once (a
 * unique row; a second sweep finds it there), the repair's next deadline is set, and the breaches new
 * in this transaction are handed to a notify job written in the same transaction (the outbox).
 */
export async function sweepRepairClocks(deps: Deps): Promise<{ repairs: number; breaches: number }> {
  const now = deps.clock.now();
  let repairs = 0;
  let recorded = 0;
  for (;;) {
    const { count, inserted } = await deps.db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<Row[]>`
        SELECT "id", "communityId", "status", "emergency", "reopenCount", "acceptedAt", "contactedAt", "arrivedAt", "resolvedAt",
               "acceptDueAt", "contactDueAt", "arriveDueAt", "feedbackDueAt", "escalationStep", "escalateDueAt"
          FROM "RepairRequest"
         WHERE "nextDueAt" <= ${now}
         ORDER BY "nextDueAt"
         LIMIT ${SWEEP_BATCH}
           FOR UPDATE SKIP LOCKED`;
      if (rows.length === 0) return { count: 0, inserted: [] };
      const communities = [...new Set(rows.map((r) => r.communityId))];
      const settings = await tx.repairSlaSettings.findMany({ where: { communityId: { in: communities } } });
      const slaByCommunity = new Map(
        communities.map((c) => [c, slaOf(settings.find((s) => s.communityId === c) ?? null)]),
      );
      // Each repair climbs its kind's chain, emergency or routine (docs/domain.md §1, escalation).
      const results = rows.map((r) => ({
        r,
        ...missedDeadlines(r, chainFor(slaByCommunity.get(r.communityId)!, r.emergency), now),
      }));
      const breaches = results.flatMap((x) => x.breaches);
      let created: { id: string; clock: string }[] = [];
      if (breaches.length > 0) {
        created = await tx.$queryRaw<{ id: string; clock: string }[]>`
          INSERT INTO "RepairBreach" ("id", "repairId", "communityId", "clock", "cycle", "step", "dueAt", "at")
          SELECT gen_random_uuid(), b.* , ${now}::timestamp(3)
            FROM unnest(${breaches.map((b) => b.repairId)}::uuid[], ${breaches.map((b) => b.communityId)}::uuid[],
                        ${breaches.map((b) => b.clock)}::"RepairClock"[], ${breaches.map((b) => b.cycle)}::int[],
                        ${breaches.map((b) => b.step)}::int[], ${breaches.map((b) => iso(b.dueAt))}::timestamp(3)[]) AS b
          ON CONFLICT ("repairId", "clock", "cycle", "step") DO NOTHING
          RETURNING "id", "clock"::text AS clock`;
      }
      const ids = created.map((c) => c.id);
      await tx.$executeRaw`
        UPDATE "RepairRequest" r
           SET "escalationStep" = v.step, "escalateDueAt" = v.esc, "nextDueAt" = v.next
          FROM unnest(${results.map((x) => x.r.id)}::uuid[], ${results.map((x) => x.escalationStep)}::int[],
                      ${results.map((x) => iso(x.escalateDueAt))}::timestamp(3)[], ${results.map((x) => iso(x.nextDueAt))}::timestamp(3)[]) AS v(id, step, esc, next)
         WHERE r."id" = v.id`;
      if (ids.length > 0) await deps.jobs.send(notifyBreaches, { breachIds: ids }, { tx });
      return { count: rows.length, inserted: created };
    });
    // Counted once committed: a sweep that rolled back recorded nothing.
    for (const b of inserted) deps.metrics.slaBreaches.inc({ clock: b.clock });
    repairs += count;
    recorded += inserted.length;
    if (count < SWEEP_BATCH) return { repairs, breaches: recorded };
  }
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
