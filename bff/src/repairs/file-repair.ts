import { randomUUID } from 'node:crypto';
import type { Prisma } from '@prisma/client';
import type { Deps } from '../deps.js';
import { AppError, notFound } from '../errors.js';
import { claimUploads } from '../uploads/claim-uploads.js';
import { isResidentOf } from '../units/resident-cache.js';
import type { FileRepair } from './schema.js';
import { getRepair } from './get-repair.js';
import { loadSla, onFiling } from './sla.js';
import { holdForReview, screenText } from '../moderation/screen-text.js';
import { textUnderReview } from './held-text.js';
import { beijingDay } from '../beijing.js';
import { refuseRetiredCommunity } from '../access/community-retired.js';

/**
 * Gives the filed repair the next number of its community's day, as the filing transaction's last
 * statement: the counter row stays locked until commit (concurrent filings queue on it, so it is held
 * only for this one statement and the commit), and a filing that rolls back takes its increment with
 * it, so the numbers have no gaps.
 */
async function assignNumber(tx: Prisma.TransactionClient, id: string, communityId: string, day: string): Promise<void> {
  await tx.$executeRaw`
    WITH n AS (
      INSERT INTO "RepairCounter" ("communityId", "day", "last") VALUES (${communityId}::uuid, ${day}, 1)
      ON CONFLICT ("communityId", "day") DO UPDATE SET "last" = "RepairCounter"."last" + 1
      RETURNING "last"
    )
    UPDATE "RepairRequest" SET "number" = 'BX' || ${day} || '-' || lpad(n."last"::text, greatest(4, length(n."last"::text)), '0')
      FROM n WHERE "id" = ${id}::uuid`;
}

/**
 * The community a resident files in: that of one of their verified units, or a community they live in
 * (for a common area). Anything else is not found (docs/conventions.md rule 4). Shared by repairs and
 * complaints.
 */
export async function filingCommunity(deps: Deps, userId: string, input: { unitId?: string; communityId?: string }) {
  if (input.unitId) {
    const unit = await deps.db.unit.findFirst({
      where: { id: input.unitId, memberships: { some: { userId, status: 'VERIFIED' } } },
      select: { communityId: true },
    });
    if (!unit) throw notFound('房屋');
    await refuseRetiredCommunity(deps.db, unit.communityId, '不能再报事');
    return unit.communityId;
  }
  if (!(await isResidentOf(deps, userId, input.communityId!))) throw notFound('小区');
  await refuseRetiredCommunity(deps.db, input.communityId!, '不能再报事');
  return input.communityId!;
}

/** A resident files a repair for one of their units, or for a common area of their community. */
export async function fileRepair(deps: Deps, userId: string, input: FileRepair) {
  const user = await deps.db.user.findUniqueOrThrow({ where: { id: userId }, select: { phone: true } });
  if (!user.phone) throw new AppError('PHONE_REQUIRED', '请先授权手机号，方便维修人员联系您');
  const communityId = await filingCommunity(deps, userId, input);
  // Charged only now that the filing is valid and theirs: each is a WeChat text check (docs/conventions.md, Rate limits).
  await deps.limits.repairsPerUser.consume(userId);
  const id = await storeRepair(
    deps,
    { communityId, reporterId: userId, actorId: userId, contactPhone: user.phone },
    input,
  );
  return getRepair(deps, userId, id);
}

/**
 * Stores a filed repair: screened, photos claimed, SLA clocks started, numbered. `actorId` typed it (the
 * reporter, or the office filing on their behalf, whose words are screened and whose photos are claimed);
 * `also` writes more rows in the same transaction.
 */
export async function storeRepair(
  deps: Deps,
  who: { communityId: string; reporterId: string; actorId: string; contactPhone: string },
  input: Omit<FileRepair, 'communityId'>,
  also?: (tx: Prisma.TransactionClient, id: string, now: Date) => Promise<unknown>,
): Promise<string> {
  const { communityId, actorId } = who;
  // Screened before anything is stored: risky text is refused here, with nothing written.
  const screened = await screenText(
    deps,
    actorId,
    [input.commonArea, input.part, input.phenomenon, input.description, input.preferredTime],
    2,
  );
  const now = deps.clock.now();
  const clocks = onFiling(await loadSla(deps.db, communityId), now);
  const id = randomUUID();
  await deps.db.$transaction(async (tx) => {
    await claimUploads(tx, { uploaderId: actorId, ids: input.uploadIds, kind: 'repair', recordId: id, now });
    if (screened.held) {
      const text = textUnderReview(input);
      await holdForReview(tx, {
        communityId,
        authorId: actorId,
        kind: 'repair',
        recordId: id,
        text,
        reason: screened.reason,
        label: screened.label,
        traceId: screened.traceId,
        now,
      });
    }
    await tx.repairRequest.create({
      data: {
        id,
        number: `pending-${id}`, // numbered last, below
        communityId,
        unitId: input.unitId ?? null,
        commonArea: input.commonArea ?? null,
        reporterId: who.reporterId,
        faultType: input.faultType,
        part: input.part,
        phenomenon: input.phenomenon,
        emergency: input.emergency,
        description: input.description,
        contactPhone: who.contactPhone,
        preferredTime: input.preferredTime ?? null,
        textHeld: screened.held,
        ...clocks,
        nextDueAt: clocks.acceptDueAt,
        filedAt: now,
        updatedAt: now,
        events: {
          create: { action: 'file', fromStatus: 'SUBMITTED', toStatus: 'SUBMITTED', actorId, at: now },
        },
      },
      select: { id: true },
    });
    if (also) await also(tx, id, now);
    await assignNumber(tx, id, communityId, beijingDay(now).replace(/-/g, '')); // the number carries 20261123;
  });
  return id;
}
