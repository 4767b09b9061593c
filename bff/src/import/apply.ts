import type { Prisma } from '@prisma/client';
import { requireRole } from '../access/guards.js';
import type { Deps } from '../deps.js';
import { AppError, isWriteConflict, notFound, sqlState } from '../errors.js';
import { APPLY_WITHIN_MS } from './dry-run.js';
import { fingerprint } from './fingerprint.js';
import { deliveredInstant, type AuditRow, type Plan } from './plan.js';
import { refreshAfterTransfers, transferInTx } from '../units/record-transfer.js';

const CHUNK = 5000;
const chunks = <T>(rows: T[]) =>
  Array.from({ length: Math.ceil(rows.length / CHUNK) }, (_, i) => rows.slice(i * CHUNK, (i + 1) * CHUNK));
const stale = () => new AppError('IMPORT_STALE', '预检之后小区资料已有变化，请重新上传文件预检');
const applied = () => new AppError('IMPORT_APPLIED', '这次导入已经执行过了');
const communityRetired = () => new AppError('MASTER_RETIRED', '这个小区已停用，不能再导入资料');

/**
 * Where a plan is written: the apply's node-postgres connection, or (the demo seed, prisma/seed.ts) a
 * Prisma transaction's raw statements — the same statements either way.
 */
export type PlanWriter = { query(statement: string, params: unknown[]): Promise<unknown> };

/** A connection in a transaction that answers rows: node-postgres's own, or a Prisma transaction's. */
export type Sql = {
  query(statement: string, params: unknown[]): Promise<{ rows: Record<string, unknown>[]; rowCount: number | null }>;
};
const prismaSql = (tx: Prisma.TransactionClient): Sql => ({
  query: async (statement, params) => {
    const rows = await tx.$queryRawUnsafe<Record<string, unknown>[]>(statement, ...params);
    return { rows, rowCount: rows.length };
  },
});

/**
 * One statement per 5,000 rows: the rows travel as one JSON parameter, read by json_to_recordset.
 * (Through Prisma the same 55,000 rows took minutes: its query compiler handles every value.)
 */
async function each<T>(client: PlanWriter, rows: T[], statement: string, extra: unknown[] = []) {
  for (const part of chunks(rows)) await client.query(statement, [JSON.stringify(part), ...extra]);
}

const UNIT_COLUMNS = `id uuid, "communityId" uuid, "buildingId" uuid, number text, floor int, "buildingArea" numeric,
  "exclusiveArea" numeric, "areaSource" text, "deliveredAt" timestamp`;

/** The plan's buildings, units, owners of record and parking, in the order the file listed them. */
export async function writePlan(client: PlanWriter, communityId: string, plan: Plan) {
  const units = (rows: Plan['units']['create']) =>
    rows.map((u) => ({ ...u, communityId, deliveredAt: deliveredInstant(u.deliveredAt)?.toISOString() ?? null }));
  await each(
    client,
    plan.buildings.create.map((b) => ({ ...b, communityId })),
    `INSERT INTO "Building" (id, "communityId", name, "buildingType", "sortOrder")
     SELECT id, "communityId", name, "buildingType", "sortOrder" FROM json_to_recordset($1::json)
       AS v(id uuid, "communityId" uuid, name text, "buildingType" text, "sortOrder" int)`,
  );
  await each(
    client,
    plan.buildings.retype,
    `UPDATE "Building" b SET "buildingType" = v."buildingType"
     FROM json_to_recordset($1::json) AS v(id uuid, "buildingType" text) WHERE b.id = v.id`,
  );
  await each(
    client,
    units(plan.units.create),
    `INSERT INTO "Unit" (id, "communityId", "buildingId", number, floor, "buildingArea", "exclusiveArea", "areaSource", "deliveredAt")
     SELECT id, "communityId", "buildingId", number, floor, "buildingArea", "exclusiveArea", "areaSource"::"AreaSource", "deliveredAt"
       FROM json_to_recordset($1::json) AS v(${UNIT_COLUMNS})`,
  );
  await each(
    client,
    units(plan.units.update),
    `UPDATE "Unit" u SET floor = v.floor, "buildingId" = v."buildingId", "buildingArea" = v."buildingArea",
       "exclusiveArea" = v."exclusiveArea", "areaSource" = v."areaSource"::"AreaSource", "deliveredAt" = v."deliveredAt"
     FROM json_to_recordset($1::json) AS v(${UNIT_COLUMNS}) WHERE u.id = v.id`,
  );
  await each(
    client,
    plan.roster.create,
    `INSERT INTO "OwnerRosterEntry" (id, "unitId", name, phone, relation)
     SELECT id, "unitId", name, phone, relation::"MemberRelation" FROM json_to_recordset($1::json)
       AS v(id uuid, "unitId" uuid, name text, phone text, relation text)`,
  );
  await each(
    client,
    plan.roster.update,
    `UPDATE "OwnerRosterEntry" r SET name = v.name, relation = v.relation::"MemberRelation"
     FROM json_to_recordset($1::json) AS v(id uuid, name text, relation text) WHERE r.id = v.id`,
  );
  const parking = (rows: Plan['parking']['create']) => rows.map((p) => ({ ...p, communityId }));
  await each(
    client,
    parking(plan.parking.create),
    `INSERT INTO "ParkingSpace" (id, "communityId", number, kind, area, "unitId")
     SELECT id, "communityId", number, kind::"ParkingKind", area, "unitId" FROM json_to_recordset($1::json)
       AS v(id uuid, "communityId" uuid, number text, kind text, area numeric, "unitId" uuid)`,
  );
  await each(
    client,
    plan.parking.update,
    `UPDATE "ParkingSpace" p SET kind = v.kind::"ParkingKind", area = v.area, "unitId" = v."unitId"
     FROM json_to_recordset($1::json) AS v(id uuid, kind text, area numeric, "unitId" uuid) WHERE p.id = v.id`,
  );
}

/** Opening arrears: the owner's, due when applied (no late charge for the time before), the import as their run. */
async function writeOpeningBills(client: PlanWriter, communityId: string, plan: Plan, run: { id: string; now: Date }) {
  await each(
    client,
    (plan.bills?.create ?? []).map((b) => ({ ...b, communityId })),
    `INSERT INTO "Bill" (id, "communityId", "unitId", "feeItemId", period, "firstMonth", months, payer, "amountFen",
       detail, "dueAt", "runId", opening)
     SELECT id, "communityId", "unitId", "feeItemId", period, "firstMonth", months, 'OWNER', "amountFen", detail,
       $2::timestamp, $3::uuid, true
       FROM json_to_recordset($1::json) AS v(id uuid, "communityId" uuid, "unitId" uuid, "feeItemId" uuid, period text,
         "firstMonth" text, months int, "amountFen" int, detail text)`,
    [run.now.toISOString(), run.id],
  );
}

type Who = { companyId: string; communityId: string; actorId: string; reason: string; at: string };

/** Who changed what, when and why: the plan's changes, and owners of record added to existing units, one event per unit. */
async function audit(client: PlanWriter, who: Who, plan: Plan, written: object, importId: string) {
  // A unit this import creates is recorded whole by the import itself (its run keeps the plan): only
  // owners added to units that existed before are changes of an owner of record.
  const created = new Set(plan.units.create.map((u) => u.id));
  const byUnit = new Map<string, { name: string; phone: string; relation: string }[]>();
  for (const r of plan.roster.create.filter((x) => !created.has(x.unitId)))
    byUnit.set(r.unitId, [...(byUnit.get(r.unitId) ?? []), { name: r.name, phone: r.phone, relation: r.relation }]);
  const added: AuditRow[] = [...byUnit].map(([unitId, owners]) => ({
    kind: 'ROSTER_ADD',
    subjectId: unitId,
    before: null,
    after: owners,
  }));
  const rows = [
    ...plan.audits,
    ...added,
    { kind: 'IMPORT_APPLIED', subjectId: importId, before: null, after: written },
  ];
  await each(
    client,
    rows.map((a) => ({ ...who, ...a })),
    `INSERT INTO "AuditEvent" ("companyId", "communityId", "actorId", kind, "subjectId", before, after, reason, at)
     SELECT "companyId", "communityId", "actorId", kind, "subjectId", before, after, reason, at FROM json_to_recordset($1::json)
       AS v("companyId" uuid, "communityId" uuid, "actorId" uuid, kind text, "subjectId" uuid, before jsonb, after jsonb,
            reason text, at timestamp)`,
  );
}

/**
 * The existing units whose rows, owners of record or sales the plan writes, locked FOR UPDATE in id order
 * before anything is written (docs/import.md, Applying alongside the desk). A desk sale holds its unit FOR
 * UPDATE (and marks it changed), and a pay order holds its units FOR SHARE in the same id order: each waits for
 * the other instead of interleaving or deadlocking, and a sale committed since this transaction began fails
 * the lock (serialization, answered IMPORT_STALE) rather than have owners added over a roster it changed.
 */
async function lockUnits(client: Sql, plan: Plan) {
  const ids = new Set([
    ...plan.units.update.map((u) => u.id),
    ...plan.roster.create.map((r) => r.unitId),
    ...plan.roster.update.map((r) => r.unitId),
    ...(plan.transfers ?? []).map((t) => t.unitId),
    // A unit that only gets an opening arrear, or a parking space, is written for just the same.
    ...(plan.bills?.create ?? []).map((b) => b.unitId),
    ...[...plan.parking.create, ...plan.parking.update].flatMap((p) => (p.unitId ? [p.unitId] : [])),
  ]);
  for (const u of plan.units.create) ids.delete(u.id);
  if (ids.size === 0) return;
  await client.query(`SELECT 1 FROM "Unit" WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [[...ids]]);
}

type Run = { id: string; communityId: string; fileName: string };
type Context = { run: Run; companyId: string; userId: string; now: Date; cutoff: Date };

/** Everything but the sales, in the caller's transaction: claims the run, checks the fingerprint, writes, audits. */
async function writeRun(client: Sql, c: Context) {
  // The community's billing lock first, as retire takes it (master/communities.ts): the apply writes opening
  // bills beside any billing run, and both orders of these locks would deadlock — billing, community, units.
  await client.query(`SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended($1, 0))) AS locked`, [
    `billing:${c.run.communityId}`,
  ]);
  const claimed = await client.query(
    `UPDATE "ImportRun" SET "appliedAt" = $2 WHERE id = $1::uuid AND "appliedAt" IS NULL AND "createdAt" > $3
     RETURNING plan::text AS plan, fingerprint`,
    [c.run.id, c.now, c.cutoff],
  );
  if (claimed.rowCount === 0) throw applied();
  // A community retired since the dry run takes no import (docs/master-data.md): held FOR SHARE, so a
  // retirement (FOR UPDATE) waits for this apply or this apply finds it retired — community, then units.
  const community = await client.query(`SELECT "retiredAt" FROM "Community" WHERE id = $1::uuid FOR SHARE`, [
    c.run.communityId,
  ]);
  if (community.rows[0]?.retiredAt) throw communityRetired();
  const row = claimed.rows[0] as { plan: string; fingerprint: string };
  const plan = JSON.parse(row.plan) as Plan;
  await lockUnits(client, plan);
  if ((await fingerprint(client, c.run.communityId)) !== row.fingerprint) throw stale();
  await writePlan(client, c.run.communityId, plan);
  await writeOpeningBills(client, c.run.communityId, plan, { id: c.run.id, now: c.now });
  const transfers = plan.transfers ?? [];
  const written = {
    units: plan.units.create.length + plan.units.update.length,
    owners: plan.roster.create.length + plan.roster.update.length + transfers.reduce((n, t) => n + t.owners.length, 0),
    parking: plan.parking.create.length + plan.parking.update.length,
    arrears: plan.bills?.create.length ?? 0,
    transfers: transfers.length,
  };
  const who = { ...whoOf(c), at: c.now.toISOString() };
  await audit(client, who, plan, written, c.run.id);
  return { plan, written };
}

const whoOf = (c: Context) => ({
  companyId: c.companyId,
  communityId: c.run.communityId,
  actorId: c.userId,
  reason: `导入 ${c.run.fileName}（${c.run.id}）`,
});

/** The plain apply: node-postgres, one REPEATABLE READ transaction (the 20,000-unit path, docs/import.md §Performance). */
async function applyPlain(deps: Deps, c: Context) {
  const client = await deps.sql.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    const { written } = await writeRun(client as unknown as Sql, c);
    await client.query('COMMIT');
    return written;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/**
 * An apply with sales: the same statements in a Prisma transaction (REPEATABLE READ), and each sale through
 * the desk's own transfer code in it (transferInTx), so the roster, the ended memberships and the audit
 * commit with the rest or not at all. The sessions of those whose memberships moved refresh after.
 */
async function applyWithTransfers(deps: Deps, c: Context) {
  const { written, moved } = await deps.db.$transaction(
    async (tx) => {
      const { plan, written } = await writeRun(prismaSql(tx), c);
      const where = { companyId: c.companyId, communityId: c.run.communityId, actorId: c.userId, now: c.now };
      const moved: string[] = [];
      for (const t of plan.transfers ?? []) {
        const done = await transferInTx(tx, where, {
          unitId: t.unitId,
          onDate: t.onDate,
          buyers: t.owners,
          reason: whoOf(c).reason,
          evidence: `导入文件「${c.run.fileName}」的「过户日期」`,
        });
        moved.push(...done.endedIds, ...done.boundIds);
      }
      return { written, moved };
    },
    { isolationLevel: 'RepeatableRead', maxWait: 10_000, timeout: 10 * 60_000 },
  );
  await refreshAfterTransfers(deps, moved, { importId: c.run.id });
  return written;
}

/**
 * Applies a dry run: only by the person who ran it, once, within 30 minutes, without errors, and
 * only if the community's master data is what the dry run read (fingerprint). All or nothing: one
 * REPEATABLE READ transaction, so a concurrent edit makes it fail rather than be overwritten.
 */
export async function applyImport(deps: Deps, userId: string, id: string) {
  const run = await deps.db.importRun.findFirst({
    where: { id, createdById: userId },
    select: { id: true, communityId: true, createdAt: true, appliedAt: true, errorCount: true, fileName: true },
  });
  if (!run) throw notFound('导入记录');
  await requireRole(deps.db, userId, run.communityId, ['COMPANY_ADMIN'], '导入记录');
  if (run.appliedAt) throw applied();
  if (run.errorCount > 0) throw new AppError('IMPORT_HAS_ERRORS', '预检发现错误，请改正文件后重新上传');
  const now = deps.clock.now();
  const cutoff = new Date(now.getTime() - APPLY_WITHIN_MS);
  if (run.createdAt <= cutoff) throw new AppError('IMPORT_EXPIRED', '预检已超过 30 分钟，请重新上传文件预检');
  const { companyId } = await deps.db.community.findUniqueOrThrow({ where: { id: run.communityId } });
  const c: Context = { run, companyId, userId, now, cutoff };
  const { rows } = await deps.sql.query<{ sales: number }>(
    `SELECT coalesce(jsonb_array_length(plan->'transfers'), 0) AS sales FROM "ImportRun" WHERE id = $1`,
    [id],
  );
  try {
    const written = (rows[0]?.sales ?? 0) > 0 ? await applyWithTransfers(deps, c) : await applyPlain(deps, c);
    return { id: run.id, appliedAt: now.toISOString(), written };
  } catch (err) {
    // A concurrent writer touched what the plan writes (serialization, deadlock, unique), on either path.
    // Logged with its SQLSTATE: a deadlock or a unique violation that keeps coming back is a bug, not a race.
    if (!isWriteConflict(err)) throw err;
    deps.logger.warn({ importRunId: id, sqlState: sqlState(err) }, 'import apply lost a race: IMPORT_STALE');
    throw stale();
  }
}
