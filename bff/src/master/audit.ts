import { Prisma } from '@prisma/client';

/**
 * What the desk's master-data editing writes to the audit log (docs/master-data.md). UNIT_AREA and
 * UNIT_CHANGE are the import's kinds too (import/plan.ts): one history whichever way a unit changed.
 */
export const MASTER_AUDIT_KINDS = [
  'COMMUNITY_ADD',
  'COMMUNITY_CHANGE',
  'COMMUNITY_RETIRE',
  'BUILDING_ADD',
  'BUILDING_CHANGE',
  'BUILDING_RETIRE',
  'UNIT_ADD',
  'UNIT_AREA',
  'UNIT_CHANGE',
  'UNIT_RETIRE',
  'PARKING_ADD',
  'PARKING_CHANGE',
  'PARKING_RETIRE',
] as const;
export type MasterAuditKind = (typeof MASTER_AUDIT_KINDS)[number];

export type Who = { companyId: string; communityId: string; actorId: string; at: Date };

/** One audit row, in the transaction of the change it records: both or neither. */
export async function writeMasterAudit(
  tx: Prisma.TransactionClient,
  who: Who,
  e: { kind: MasterAuditKind; subjectId: string; before?: object | null; after?: object | null; reason: string },
) {
  await tx.auditEvent.create({
    data: {
      ...who,
      kind: e.kind,
      subjectId: e.subjectId,
      before: (e.before ?? undefined) as Prisma.InputJsonValue | undefined,
      after: (e.after ?? undefined) as Prisma.InputJsonValue | undefined,
      reason: e.reason,
    },
  });
}

/**
 * The fields of `next` that differ from `prev`, before and after, as the audit log shows them: an area
 * as text with two places (Decimal 89.5 is "89.50"). Callers pass areas as text and days as 2026-12-01.
 */
export function diff(prev: Record<string, unknown>, next: Record<string, unknown>) {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(next)) {
    if (v === undefined || plain(k, prev[k]) === plain(k, v)) continue;
    before[k] = plain(k, prev[k]);
    after[k] = plain(k, v);
  }
  return { before, after, changed: Object.keys(after) };
}

export const AREAS = new Set(['buildingArea', 'exclusiveArea', 'area', 'totalBuildingArea']);

/** Decimals and days in the one form both sides of a comparison share. */
export function plain(key: string, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  if (AREAS.has(key)) return new Prisma.Decimal(v as string).toFixed(2);
  return v;
}
