import { randomUUID } from 'node:crypto';
import type { FeeItem } from '@prisma/client';
import type pg from 'pg';
import { copyRows } from '../db-copy.js';
import { privateConnection } from '../db.js';
import type { Deps } from '../deps.js';
import { requireRole } from '../access/guards.js';
import { AppError } from '../errors.js';
import { billLines, lineKey, type BillingSpace, type BillingUnit, type BillLine } from './bill-lines.js';
import { parsePeriod } from './periods.js';
import type { BillingRequest } from './schema.js';

type Totals = { bills: number; totalFen: number };
const add = (t: Totals, fen: number) => ({ bills: t.bills + 1, totalFen: t.totalFen + fen });
const zero = (): Totals => ({ bills: 0, totalFen: 0 });

async function chosenItems(deps: Deps, communityId: string, req: BillingRequest): Promise<FeeItem[]> {
  const period = parsePeriod(req.period)!;
  const active = await deps.db.feeItem.findMany({ where: { communityId, active: true } });
  if (!req.feeItemIds) return active.filter((i) => i.cycle === period.kind);
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
  return items;
}

/** Runs a read: Prisma's raw query for a preview, the run's own connection when generating. */
type Read = <T>(text: string, values: unknown[]) => Promise<T[]>;
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
 * The period's bill lines (made one at a time as they are iterated) and a test for those not yet
 * billed. Plain SQL: the community's units are read whole (20,000 rows for a large one), areas as
 * exact decimal text, delivery as an instant.
 */
async function linesFor(deps: Deps, communityId: string, req: BillingRequest, read: Read = viaPrisma(deps)) {
  const period = parsePeriod(req.period)!;
  const items = await chosenItems(deps, communityId, req);
  const [units, spaces, existing] = await Promise.all([
    read<BillingUnit>(
      `SELECT u."id", u."buildingArea"::text AS "buildingArea", u."deliveredAt" AT TIME ZONE 'UTC' AS "deliveredAt", b."buildingType"::text AS "buildingType"
         FROM "Unit" u JOIN "Building" b ON b."id" = u."buildingId" WHERE u."communityId" = $1::uuid`,
      [communityId],
    ),
    read<BillingSpace>(
      `SELECT "id", "number", "unitId" FROM "ParkingSpace" WHERE "communityId" = $1::uuid AND "unitId" IS NOT NULL`,
      [communityId],
    ),
    read<Pick<BillLine, 'feeItemId' | 'unitId' | 'parkingSpaceId' | 'payer'>>(
      `SELECT "feeItemId", "unitId", "parkingSpaceId", "payer"::text AS "payer" FROM "Bill" WHERE "communityId" = $1::uuid AND "period" = $2`,
      [communityId, req.period],
    ),
  ]);
  const have = new Set(existing.map(lineKey));
  return { items, lines: billLines(period, items, units, spaces), isFresh: (l: BillLine) => !have.has(lineKey(l)) };
}

/** What a run would create: counts and totals per item and per payer, and how much already exists. */
export async function previewBills(deps: Deps, userId: string, communityId: string, req: BillingRequest) {
  await requireRole(deps.db, userId, communityId, ['CASHIER', 'MANAGER', 'COMPANY_ADMIN']);
  const { items, lines, isFresh } = await linesFor(deps, communityId, req);
  const perItem = new Map(
    items.map((i) => [i.id, { feeItemId: i.id, name: i.name, kind: i.kind, all: zero(), fresh: zero() }]),
  );
  const byPayer = { OWNER: zero(), DEVELOPER: zero() };
  let all = 0;
  let total = zero();
  for (const l of lines) {
    const item = perItem.get(l.feeItemId)!;
    item.all = add(item.all, l.amountFen);
    all += 1;
    if (!isFresh(l)) continue;
    item.fresh = add(item.fresh, l.amountFen);
    byPayer[l.payer] = add(byPayer[l.payer], l.amountFen);
    total = add(total, l.amountFen);
  }
  return {
    period: req.period,
    items: [...perItem.values()],
    byPayer,
    toCreate: total,
    alreadyBilled: all - total.bills,
  };
}

/**
 * Creates the period's bills. Idempotent: a bill that exists (same item, unit, space, period and
 * payer — a unique key) is left out, so a second run creates nothing; a concurrent second run waits
 * for the first (a lock per community) and then finds everything made.
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
    const { lines, isFresh } = await linesFor(deps, communityId, req, viaClient(client));
    // Straight into the table, each line as it is made (the database inserts one chunk while the
    // next is computed). Every bill is made here, under the community's lock, and what exists is
    // left out — so the unique key cannot be hit; were it hit, the run would roll back whole.
    let made = zero();
    await copyRows(
      client,
      '"Bill" ("id", "communityId", "unitId", "feeItemId", "parkingSpaceId", "period", "firstMonth", "months", "payer", "amountFen", "detail", "dueAt", "runId")',
      (function* () {
        for (const l of lines) {
          if (!isFresh(l)) continue;
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
          ];
        }
      })(),
    );
    if (made.bills > 0) {
      await client.query(
        'INSERT INTO "BillingRun" ("id", "communityId", "period", "createdById", "billCount", "totalFen", "createdAt") VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [runId, communityId, req.period, userId, made.bills, made.totalFen, deps.clock.now()],
      );
    }
    await client.query('COMMIT');
    return { period: req.period, runId: made.bills > 0 ? runId : null, created: made };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await client.end();
  }
}
