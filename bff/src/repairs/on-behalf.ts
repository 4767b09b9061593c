import type { FilingChannel, Prisma } from '@prisma/client';
import type { Deps } from '../deps.js';
import { AppError, notFound } from '../errors.js';
import { OFFICE_ROLES } from '../access/scope.js';
import { requireRole } from '../access/guards.js';
import { refuseRetiredCommunity } from '../access/community-retired.js';
import { e164 } from '../privacy/phone.js';
import type { RepairOnBehalf } from './schema.js';
import { storeRepair } from './file-repair.js';
import { getRepair } from './get-repair.js';

/**
 * 代客报修/代客登记 (docs/domain.md §1): whom the office files for. The caller must run the community's
 * office; the unit must be of that community and the resident one of its verified members — anything
 * else is "not found" (docs/conventions.md rule 4). The callback number is the one the caller gave, else
 * the resident's own.
 */
export async function resolveCaller(
  deps: Deps,
  staffId: string,
  communityId: string,
  who: { unitId: string; residentId: string; contactPhone?: string | undefined; phoneOptional?: boolean },
) {
  await requireRole(deps.db, staffId, communityId, OFFICE_ROLES);
  await refuseRetiredCommunity(deps.db, communityId, '不能再代为报事');
  const member = await deps.db.unitMembership.findFirst({
    where: { unitId: who.unitId, userId: who.residentId, status: 'VERIFIED', unit: { communityId } },
    select: { user: { select: { phone: true } } },
  });
  if (!member) {
    const unit = await deps.db.unit.count({ where: { id: who.unitId, communityId } });
    throw notFound(unit ? '住户' : '房屋');
  }
  const phone = who.contactPhone ? e164('86', who.contactPhone) : member.user.phone;
  if (!phone && !who.phoneOptional) throw new AppError('PHONE_REQUIRED', '该住户没有留手机号，请填写来电人的联系电话');
  return { phone: phone ?? '' };
}

/** The row that says the office filed this record, by which channel; written in the record's transaction. */
export function recordOnBehalf(
  tx: Prisma.TransactionClient,
  row: {
    recordKind: 'repair' | 'snapshot';
    recordId: string;
    communityId: string;
    unitId: string;
    residentId: string;
    filedById: string;
    channel: FilingChannel;
    at: Date;
  },
) {
  return tx.filedOnBehalf.create({ data: row });
}

/**
 * The office files a repair for a resident of one of the community's units. The repair is the
 * resident's in every way — their list, their pushes, their rating, the same SLA clocks — and the
 * timeline's first step names the office member who typed it.
 */
export async function fileRepairOnBehalf(deps: Deps, staffId: string, communityId: string, input: RepairOnBehalf) {
  const { phone } = await resolveCaller(deps, staffId, communityId, input);
  const { residentId, channel, unitId } = input;
  const id = await storeRepair(
    deps,
    { communityId, reporterId: residentId, actorId: staffId, contactPhone: phone },
    input,
    (tx, recordId, at) =>
      recordOnBehalf(tx, {
        recordKind: 'repair',
        recordId,
        communityId,
        unitId,
        residentId,
        filedById: staffId,
        channel,
        at,
      }),
  );
  return getRepair(deps, staffId, id, true);
}
