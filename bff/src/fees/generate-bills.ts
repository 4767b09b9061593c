import { randomUUID } from 'node:crypto';
import type { FeeItem } from '@prisma/client';
import type pg from 'pg';
import { copyRows } from '../db-copy.js';
import { privateConnection } from '../db.js';
import type { Deps } from '../deps.js';
import { requireRole } from '../access/guards.js';
import { AppError } from '../errors.js';
import { writeCommunityAuditSql } from '../roles/audit-write.js';
import { billLines, type BillingSpace, type BillingUnit, type BillLine } from './bill-lines.js';
import { coverage, groupKey, overlappingBills, type BilledRange } from './bill-coverage.js';
import { parsePeriod, requireBillablePeriod } from './periods.js';
import type { BillingRequest } from './schema.js';

type Totals = { bills: number; totalFen: number };
const add = (t: Totals, fen: number) => ({ bills: t.bills + 1, totalFen: t.totalFen + fen });
const zero = (): Totals => ({ bills: 0, totalFen: 0 });

/**
 * The standards a run applies, and the building types with a property-fee standard of their own (the
 * most specific applies: a generic standard leaves them out, docs/domain.md §4). `billedIds`: one-off
 * and shared items with bills in the period, which the conflicts list looks at too.
 */
async function chosenItems(deps: Deps, communityId: string, req: BillingRequest, billedIds?: Set<string>) {
  const period = parsePeriod(req.period)!;
  const active = await deps.db.feeItem.findMany({ where: { communityId, active: true } });
  const specificTypes = new Set(
    active.filter((i) => i.kind === 'PROPERTY' && i.buildingType !== null).map((i) => i.buildingType!),
  );
  if (!req.feeItemIds)
    return {
      specificTypes,
      items: active.filter((i) => i.cycle === period.kind || (i.cycle === null && billedIds?.has(i.id))),
    };
  const items = active.filter((i) => req.feeItemIds!.includes(i.id));
  if (items.length !== new Set(req.feeItemIds).size)
    throw new AppError('VALIDATION_FAILED', '收费项目不存在或已停用', [
      { path: 'feeItemIds', message: '请刷新后重新选择' },
    ]);
  const wrong = items.find((i) => i.cycle !== null && i.cycle !== period.kind);
  if (wrong)
    throw new AppError('VALIDATION_FAILED', `「${wrong.name}」的计费周期与所选账期不一致`, [
      { path: 'period', message: '周期不一致' },
    ]);
  return { items, specificTypes };
}

/** Runs a read: Prisma's raw query for a preview, the run's own connection when generating. */
export type Read = <T>(text: string, values: unknown[]) => Promise<T[]>;
const viaPrisma =
  (deps: Deps): Read =>
  (text, values) =>
    deps.db.$queryRawUnsafe(text, ...values);
function viaClient(client: pg.Client): Read {
  // One connection runs one query at a time (pg deprecates queueing them on it): reads wait their turn.
  let turn: Promise<unknown> = Promise.resolve();
  return <T>(text: string, values: unknown[]) => {
    const rows = turn.then(() => client.query(text, values)).then((r) => r.rows as T[]);
    turn = rows.catch(() => undefined);
    return rows;
  };
}

/**
 * The period's bill lines (made one at a time as they are iterated) and the verdict on each against
 * the bills that exist (bill-coverage.ts). Plain SQL: the community's units in use are read whole (20,000 rows
 * for a large one; retired units and parking are billed no more, docs/master-data.md), areas as exact decimal text, delivery as an instant. `forConflicts`: also the
 * one-off and shared items already billed in the period, and no refusal of a 公摊 re-split.
 */
export async function linesFor(
  deps: Deps,
  communityId: string,
  req: BillingRequest,
  read: Read = viaPrisma(deps),
  forConflicts = false,
) {
  const period = parsePeriod(req.period)!;
  requireBillablePeriod(period, deps.clock.now());
  // A retired community is billed no more; a run holds the lock its retirement takes (master/communities.ts).
  const [community] = await read<{ retired: boolean }>(
    `SELECT "retiredAt" IS NOT NULL AS retired FROM "Community" WHERE "id" = $1::uuid`,
    [communityId],
  );
  if (community?.retired) throw new AppError('MASTER_RETIRED', '这个小区已停用，不再生成账单');
  const overlapping = overlappingBills(period);
  const [units, spaces, existing] = await Promise.all([
    read<BillingUnit>(
      `SELECT u."id", u."buildingArea"::text AS "buildingArea", u."deliveredAt" AT TIME ZONE 'UTC' AS "deliveredAt", b."buildingType"::text AS "buildingType"
         FROM "Unit" u JOIN "Building" b ON b."id" = u."buildingId" WHERE u."communityId" = $1::uuid AND u."retiredAt" IS NULL`,
      [communityId],
    ),
    read<BillingSpace>(
      `SELECT "id", "number", "unitId" FROM "ParkingSpace" WHERE "communityId" = $1::uuid AND "unitId" IS NOT NULL AND "retiredAt" IS NULL`,
      [communityId],
    ),
    read<BilledRange>(overlapping.text, overlapping.values(communityId)),
  ]);
  const cov = coverage(existing);
  const { items, specificTypes } = await chosenItems(deps, communityId, req, forConflicts ? cov.items : undefined);
  const lines = (only = items) => billLines(period, only, units, spaces, specificTypes);
  if (!forConflicts) refuseSharedResplit(items, cov, lines);
  return { items, lines, judge: cov.judge, billedIn: cov.billedIn };
}

/**
 * A 公摊 already split for the period is split once: were a unit added since, its share would come on
 * top of the shares made, and the bills would add up to more than the item's total. So a re-run that
 * would bill any share anew is refused whole; to re-split, a manager undoes the run (possible while
 * none of its bills is paid) and runs it again (docs/domain.md §4, Billing runs).
 */
function refuseSharedResplit(
  items: FeeItem[],
  cov: ReturnType<typeof coverage>,
  lines: (only: FeeItem[]) => Iterable<BillLine>,
) {
  for (const item of items) {
    if (item.kind !== 'SHARED' || !cov.items.has(item.id)) continue;
    for (const l of lines([item]))
      if (cov.judge(l) !== 'billed')
        throw new AppError(
          'CONFLICT',
          `「${item.name}」本期已按面积分摊，房屋有变动，再次生成会使分摊合计超过总额。如需重新分摊，请由经理撤销该次账单生成（须尚无缴费）后重新生成`,
        );
  }
}

/** What a run would create: counts and totals per item and per payer, and how much already exists. */
export async function previewBills(deps: Deps, userId: string, communityId: string, req: BillingRequest) {
  await requireRole(deps.db, userId, communityId, ['CASHIER', 'MANAGER', 'COMPANY_ADMIN']);
  const { items, lines, judge } = await linesFor(deps, communityId, req);
  const perItem = new Map(
    items.map((i) => [i.id, { feeItemId: i.id, name: i.name, kind: i.kind, all: zero(), fresh: zero() }]),
  );
  const byPayer = { OWNER: zero(), DEVELOPER: zero() };
  let billed = 0;
  const conflicts = new Set<string>();
  let total = zero();
  for (const l of lines()) {
    const item = perItem.get(l.feeItemId)!;
    item.all = add(item.all, l.amountFen);
    const verdict = judge(l);
    if (verdict === 'billed') billed += 1;
    if (verdict === 'conflict') conflicts.add(groupKey(l));
    if (verdict !== 'fresh') continue;
    item.fresh = add(item.fresh, l.amountFen);
    byPayer[l.payer] = add(byPayer[l.payer], l.amountFen);
    total = add(total, l.amountFen);
  }
  return {
    period: req.period,
    items: [...perItem.values()],
    byPayer,
    toCreate: total,
    alreadyBilled: billed,
    /** Units whose months are billed to another payer split than the rule now gives (GET …/billing/conflicts). */
    conflicts: conflicts.size,
  };
}

/**
 * Creates the period's bills. Idempotent: a line whose months are billed already is left out, so a
 * second run creates nothing; a concurrent second run waits for the first (a lock per community) and
 * then finds everything made. A line some of whose months are billed otherwise (another payer, other
 * months) is not made but counted as a conflict: no month is ever billed twice (bill-coverage.ts).
 */
export async function generateBills(deps: Deps, userId: string, communityId: string, req: BillingRequest) {
  await requireRole(deps.db, userId, communityId, ['CASHIER', 'MANAGER', 'COMPANY_ADMIN']);
  const runId = randomUUID();
  // One connection of its own for the run's transaction: the bills travel by COPY (a fraction of the
  // cost of a parameter).
  const client = await privateConnection(deps.config);
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`billing:${communityId}`]);
    const { lines, judge } = await linesFor(deps, communityId, req, viaClient(client));
    // Straight into the table, each line as it is made (the database inserts one chunk while the
    // next is computed). Every bill is made here, under the community's lock, and what covers a month
    // already billed is left out — so "Bill_month_once" cannot be hit; were it hit, the run would roll back whole.
    // The slot is sent with each bill, so the database's trigger filling it is not called.
    let made = zero();
    const conflicts = new Set<string>();
    await copyRows(
      client,
      '"Bill" ("id", "communityId", "unitId", "feeItemId", "parkingSpaceId", "period", "firstMonth", "months", "payer", "amountFen", "detail", "dueAt", "runId", "slot")',
      (function* () {
        for (const l of lines()) {
          const verdict = judge(l);
          if (verdict === 'conflict') conflicts.add(groupKey(l));
          if (verdict !== 'fresh') continue;
          made = add(made, l.amountFen);
          yield [
            randomUUID(),
            communityId,
            l.unitId,
            l.feeItemId,
            l.parkingSpaceId,
            req.period,
            l.firstMonth,
            l.months,
            l.payer,
            l.amountFen,
            l.detail,
            l.dueAt,
            runId,
            l.slot, // as "Bill_slot" would fill it; the key to FeeItem (id, slot) refuses any other
          ];
        }
      })(),
    );
    if (made.bills > 0) {
      const now = deps.clock.now();
      await client.query(
        'INSERT INTO "BillingRun" ("id", "communityId", "period", "createdById", "billCount", "totalFen", "createdAt") VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [runId, communityId, req.period, userId, made.bills, made.totalFen, now],
      );
      // The company's audit log (docs/roles.md, Audit log), in the run's transaction: both or neither.
      await writeCommunityAuditSql(client, {
        communityId,
        actorId: userId,
        kind: 'BILLING_RUN',
        subjectId: runId,
        after: { period: req.period, billCount: made.bills, totalFen: made.totalFen, conflicts: conflicts.size },
        reason: `生成 ${req.period} 账单`,
        at: now,
      });
    }
    await client.query('COMMIT');
    return { period: req.period, runId: made.bills > 0 ? runId : null, created: made, conflicts: conflicts.size };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await client.end();
  }
}
