import { Prisma } from '@prisma/client';
import type { Deps } from '../deps.js';
import type { JobDefinition } from '../jobs/define.js';
import type { EscalationStep } from './escalation.js';

/**
 * The SLA engine's sweep, for any subject with clocks: repairs (docs/domain.md §1) and complaints (§8).
 * A subject keeps its deadlines on its own row (`nextDueAt`: the earliest still to look at), records each
 * missed one once in its breach table (unique per subject, clock, cycle and step) and hands the new
 * breaches to its notify job in the same transaction (the outbox). Its first clock climbs an escalation
 * chain while nobody acts.
 */
export type Deadline<C extends string = string> = { clock: C; step: number; dueAt: Date };

/** What the sweep reads of every subject: its escalation state and the cycle its later clocks run in. */
export type SweptRow = {
  id: string;
  communityId: string;
  cycle: number;
  escalationStep: number;
  escalateDueAt: Date | null;
};

export type Breach<C extends string = string> = {
  subjectId: string;
  communityId: string;
  clock: C;
  cycle: number;
  step: number;
  dueAt: Date;
};

export type ClockSubject<C extends string, R extends SweptRow, S> = {
  /** Table, breach table, its column naming the subject, the clock enum type: identifiers, never input. */
  table: string;
  breachTable: string;
  foreignKey: string;
  clockType: string;
  /** The subject's own columns the deadlines need, as SQL, beside those of SweptRow. */
  columns: string;
  /** The column counting cycles (reopenings, re-handlings): a later clock is missed once per cycle. */
  cycleColumn: string;
  /** The clock that climbs the escalation chain: step 0 is its deadline, step k+1 the chain's k-th. */
  climbing: C;
  running: (row: R) => Deadline<C>[];
  loadSettings: (tx: Prisma.TransactionClient, communityIds: string[]) => Promise<(communityId: string) => S>;
  chainOf: (settings: S, row: R) => EscalationStep[];
  notify: JobDefinition<{ breachIds: string[] }>;
  /** Counts a committed breach (a metric); called once per row recorded. */
  counted?: (deps: Deps, clock: string) => void;
};

/** Subjects taken per transaction: the sweep locks them (SKIP LOCKED), so two sweeps share the work. */
export const SWEEP_BATCH = 1000;

/**
 * What a subject's missed deadlines are at `now`, and its clocks after them. Missing step k of the
 * climbing clock records breach (clock, k) and hands it to chain[k], whose own deadline (`minutes`)
 * starts the next step, until the chain ends. Several steps missed while no sweep ran are all recorded,
 * in order. Every other clock is missed once per cycle.
 */
export function missedDeadlines<C extends string, R extends SweptRow>(
  row: R,
  running: (row: R) => Deadline<C>[],
  climbing: C,
  chain: EscalationStep[],
  now: Date,
) {
  const breaches: Breach<C>[] = [];
  const state = { ...row };
  const base = { subjectId: row.id, communityId: row.communityId };
  for (;;) {
    const missed = running(state).find((d) => d.clock === climbing && d.dueAt <= now);
    if (!missed) break;
    breaches.push({ ...base, clock: climbing, cycle: 0, step: missed.step, dueAt: missed.dueAt });
    state.escalationStep = missed.step + 1;
    const next = chain[missed.step + 1] && chain[missed.step];
    state.escalateDueAt = next ? new Date(missed.dueAt.getTime() + next.minutes * 60_000) : null;
  }
  for (const d of running(state))
    if (d.clock !== climbing && d.dueAt <= now)
      breaches.push({ ...base, clock: d.clock, cycle: row.cycle, step: 0, dueAt: d.dueAt });
  // The next deadline to watch is the earliest one not yet missed.
  const nextDueAt = running(state).find((d) => d.dueAt > now)?.dueAt ?? null;
  return { breaches, escalationStep: state.escalationStep, escalateDueAt: state.escalateDueAt, nextDueAt };
}

const iso = (d: Date | null) => d?.toISOString() ?? null;
const id = (name: string) => Prisma.raw(`"${name}"`);

/**
 * One pass over the subjects whose next deadline has come: each missed deadline is recorded once (a
 * second sweep finds it there), the next deadline is set, and the breaches new in this transaction are
 * handed to the notify job written in the same transaction.
 */
export async function sweepClocks<C extends string, R extends SweptRow, S>(
  deps: Deps,
  subject: ClockSubject<C, R, S>,
): Promise<{ subjects: number; breaches: number }> {
  const now = deps.clock.now();
  const [table, breachTable, fk] = [id(subject.table), id(subject.breachTable), id(subject.foreignKey)];
  let subjects = 0;
  let recorded = 0;
  for (;;) {
    const { count, inserted } = await deps.db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<R[]>`
        SELECT "id", "communityId", ${id(subject.cycleColumn)} AS "cycle", "escalationStep", "escalateDueAt", ${Prisma.raw(subject.columns)}
          FROM ${table}
         WHERE "nextDueAt" <= ${now}
         ORDER BY "nextDueAt"
         LIMIT ${SWEEP_BATCH}
           FOR UPDATE SKIP LOCKED`;
      if (rows.length === 0) return { count: 0, inserted: [] };
      const settingsOf = await subject.loadSettings(tx, [...new Set(rows.map((r) => r.communityId))]);
      const results = rows.map((r) => ({
        r,
        ...missedDeadlines(r, subject.running, subject.climbing, subject.chainOf(settingsOf(r.communityId), r), now),
      }));
      const breaches = results.flatMap((x) => x.breaches);
      let created: { id: string; clock: string }[] = [];
      if (breaches.length > 0) {
        const clockArray = Prisma.raw(`"${subject.clockType}"[]`);
        created = await tx.$queryRaw<{ id: string; clock: string }[]>`
          INSERT INTO ${breachTable} ("id", ${fk}, "communityId", "clock", "cycle", "step", "dueAt", "at")
          SELECT gen_random_uuid(), b.*, ${now}::timestamp(3)
            FROM unnest(${breaches.map((b) => b.subjectId)}::uuid[], ${breaches.map((b) => b.communityId)}::uuid[],
                        ${breaches.map((b) => b.clock)}::${clockArray}, ${breaches.map((b) => b.cycle)}::int[],
                        ${breaches.map((b) => b.step)}::int[], ${breaches.map((b) => iso(b.dueAt))}::timestamp(3)[]) AS b
          ON CONFLICT (${fk}, "clock", "cycle", "step") DO NOTHING
          RETURNING "id", "clock"::text AS clock`;
      }
      await tx.$executeRaw`
        UPDATE ${table} r
           SET "escalationStep" = v.step, "escalateDueAt" = v.esc, "nextDueAt" = v.next
          FROM unnest(${results.map((x) => x.r.id)}::uuid[], ${results.map((x) => x.escalationStep)}::int[],
                      ${results.map((x) => iso(x.escalateDueAt))}::timestamp(3)[], ${results.map((x) => iso(x.nextDueAt))}::timestamp(3)[]) AS v(id, step, esc, next)
         WHERE r."id" = v.id`;
      if (created.length > 0) await deps.jobs.send(subject.notify, { breachIds: created.map((c) => c.id) }, { tx });
      return { count: rows.length, inserted: created };
    });
    // Counted once committed: a sweep that rolled back recorded nothing.
    for (const b of inserted) subject.counted?.(deps, b.clock);
    subjects += count;
    recorded += inserted.length;
    if (count < SWEEP_BATCH) return { subjects, breaches: recorded };
  }
}
