import type { Prisma } from '@prisma/client';
import { requireRole } from '../access/guards.js';
import type { Deps } from '../deps.js';
import { AppError, notFound } from '../errors.js';
import { APPLY_WITHIN_MS } from './dry-run.js';
import { fingerprint } from './fingerprint.js';
import { deliveredInstant, type Plan } from './plan.js';

type Tx = Prisma.TransactionClient;
const CHUNK = 2000;
const chunks = <T>(rows: T[]) =>
  Array.from({ length: Math.ceil(rows.length / CHUNK) }, (_, i) => rows.slice(i * CHUNK, (i + 1) * CHUNK));
const stale = () => new AppError('IMPORT_STALE', '预检之后小区资料已有变化，请重新上传文件预检');

/** Updates many rows in one statement: the new values travel as one JSON parameter. */
async function updateUnits(tx: Tx, rows: Plan['units']['update']) {
  for (const part of chunks(rows)) {
    const json = JSON.stringify(
      part.map((u) => ({ ...u, deliveredAt: deliveredInstant(u.deliveredAt)?.toISOString() ?? null })),
    );
    await tx.$executeRaw`
      UPDATE "Unit" u SET floor = v.floor, "buildingId" = v."buildingId", "buildingArea" = v."buildingArea",
        "exclusiveArea" = v."exclusiveArea", "areaSource" = v."areaSource"::"AreaSource", "deliveredAt" = v."deliveredAt"
      FROM json_to_recordset(${json}::json) AS v(id uuid, "buildingId" uuid, floor int, "buildingArea" numeric,
        "exclusiveArea" numeric, "areaSource" text, "deliveredAt" timestamp)
      WHERE u.id = v.id`;
  }
}

async function updateRoster(tx: Tx, rows: Plan['roster']['update']) {
  for (const part of chunks(rows))
    await tx.$executeRaw`
      UPDATE "OwnerRosterEntry" r SET name = v.name, relation = v.relation::"MemberRelation"
      FROM json_to_recordset(${JSON.stringify(part)}::json) AS v(id uuid, name text, relation text) WHERE r.id = v.id`;
}

async function updateParking(tx: Tx, rows: Plan['parking']['update']) {
  for (const part of chunks(rows))
    await tx.$executeRaw`
      UPDATE "ParkingSpace" p SET kind = v.kind::"ParkingKind", area = v.area, "unitId" = v."unitId"
      FROM json_to_recordset(${JSON.stringify(part)}::json) AS v(id uuid, kind text, area numeric, "unitId" uuid)
      WHERE p.id = v.id`;
}

async function writePlan(tx: Tx, communityId: string, plan: Plan) {
  if (plan.buildings.create.length)
    await tx.building.createMany({ data: plan.buildings.create.map((b) => ({ ...b, communityId })) });
  for (const b of plan.buildings.retype)
    await tx.building.update({ where: { id: b.id }, data: { buildingType: b.buildingType } });
  for (const part of chunks(plan.units.create))
    await tx.unit.createMany({
      data: part.map((u) => ({ ...u, communityId, deliveredAt: deliveredInstant(u.deliveredAt) })),
    });
  await updateUnits(tx, plan.units.update);
  for (const part of chunks(plan.roster.create)) await tx.ownerRosterEntry.createMany({ data: part });
  await updateRoster(tx, plan.roster.update);
  for (const part of chunks(plan.parking.create))
    await tx.parkingSpace.createMany({ data: part.map((p) => ({ ...p, communityId })) });
  await updateParking(tx, plan.parking.update);
}

/** PostgreSQL's answers when a concurrent writer touched what the plan writes (serialization, unique). */
const isConflict = (err: unknown) => {
  const e = err as { code?: string; meta?: { code?: string }; cause?: { code?: string } };
  return (
    ['P2002', 'P2034', '40001', '23505'].includes(e.code ?? '') ||
    ['40001', '23505'].includes(e.meta?.code ?? e.cause?.code ?? '')
  );
};

/**
 * Applies a dry run: only by the person who ran it, once, within 30 minutes, without errors, and
 * only if the community's master data is what the dry run read (fingerprint). All or nothing: one
 * REPEATABLE READ transaction, so a concurrent edit makes it fail rather than be overwritten.
 */
export async function applyImport(deps: Deps, userId: string, id: string) {
  const run = await deps.db.importRun.findFirst({
    where: { id, createdById: userId },
    select: {
      id: true,
      communityId: true,
      createdAt: true,
      appliedAt: true,
      errorCount: true,
      fingerprint: true,
      fileName: true,
    },
  });
  if (!run) throw notFound('导入记录');
  await requireRole(deps.db, userId, run.communityId, ['COMPANY_ADMIN'], '导入记录');
  if (run.appliedAt) throw new AppError('IMPORT_APPLIED', '这次导入已经执行过了');
  if (run.errorCount > 0) throw new AppError('IMPORT_HAS_ERRORS', '预检发现错误，请改正文件后重新上传');
  const now = deps.clock.now();
  const cutoff = new Date(now.getTime() - APPLY_WITHIN_MS);
  if (run.createdAt <= cutoff) throw new AppError('IMPORT_EXPIRED', '预检已超过 30 分钟，请重新上传文件预检');
  const community = await deps.db.community.findUniqueOrThrow({
    where: { id: run.communityId },
    select: { companyId: true },
  });
  try {
    return await deps.db.$transaction(
      async (tx) => {
        const claimed = await tx.importRun.updateMany({
          where: { id, appliedAt: null, createdAt: { gt: cutoff } },
          data: { appliedAt: now },
        });
        if (claimed.count === 0) throw new AppError('IMPORT_APPLIED', '这次导入已经执行过了');
        if ((await fingerprint(tx, run.communityId)) !== run.fingerprint) throw stale();
        const { plan } = await tx.importRun.findUniqueOrThrow({ where: { id }, select: { plan: true } });
        const p = plan as unknown as Plan;
        await writePlan(tx, run.communityId, p);
        const reason = `导入 ${run.fileName}（${run.id}）`;
        const base = { companyId: community.companyId, communityId: run.communityId, actorId: userId, reason, at: now };
        const audits = p.audits.map((a) => ({
          ...base,
          kind: a.kind,
          subjectId: a.subjectId,
          before: a.before as Prisma.InputJsonValue,
          after: a.after as Prisma.InputJsonValue,
        }));
        for (const part of chunks(audits)) await tx.auditEvent.createMany({ data: part });
        const written = {
          units: p.units.create.length + p.units.update.length,
          owners: p.roster.create.length + p.roster.update.length,
          parking: p.parking.create.length + p.parking.update.length,
        };
        await tx.auditEvent.create({ data: { ...base, kind: 'IMPORT_APPLIED', subjectId: run.id, after: written } });
        return { id: run.id, appliedAt: now.toISOString(), written };
      },
      { isolationLevel: 'RepeatableRead', timeout: 120_000, maxWait: 10_000 },
    );
  } catch (err) {
    if (isConflict(err)) throw stale();
    throw err;
  }
}
