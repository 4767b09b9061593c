import type { Prisma } from '@prisma/client';

/** What a bind request shows of its unit. */
export const unitLabel = {
  select: { number: true, building: { select: { name: true } }, community: { select: { id: true, name: true } } },
} as const;

export type MembershipWithUnit = Prisma.UnitMembershipGetPayload<{ include: { unit: typeof unitLabel } }>;

/** A bind request as its requester (and, with the requester added, the office) sees it. */
export function shapeBindRequest(m: MembershipWithUnit) {
  return {
    id: m.id,
    unitId: m.unitId,
    unit: { number: m.unit.number, building: m.unit.building.name, community: m.unit.community },
    relation: m.relation,
    status: m.status,
    autoApproved: m.autoApproved,
    requestedAt: m.requestedAt,
    decidedAt: m.decidedAt,
    rejectReason: m.rejectReason,
  };
}

export type BindRequestView = ReturnType<typeof shapeBindRequest>;
