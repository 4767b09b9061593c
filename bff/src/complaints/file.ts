import { randomUUID } from 'node:crypto';
import type { Prisma } from '@prisma/client';
import type { Deps } from '../deps.js';
import { AppError, notFound } from '../errors.js';
import { OFFICE_ROLES } from '../access/scope.js';
import { requireRole } from '../access/guards.js';
import { refuseRetiredCommunity } from '../access/community-retired.js';
import { claimUploads } from '../uploads/claim-uploads.js';
import { filingCommunity } from '../repairs/file-repair.js';
import { holdForReview, screenText, type Screened } from '../moderation/screen-text.js';
import { loadClocks } from '../repairs/sla.js';
import { loadComplaintSla, triageDue } from './clocks.js';
import { getComplaint } from './view.js';
import type { FileComplaint, FileForCaller } from './schema.js';

type Filing = Omit<Prisma.ComplaintUncheckedCreateInput, 'id' | 'triageDueAt' | 'filedAt' | 'updatedAt' | 'nextDueAt'>;

/**
 * Writes a complaint with its triage clock started (docs/domain.md §8) and its first history row. The
 * community is read FOR SHARE in the same transaction: a retirement (FOR UPDATE) either commits first and the
 * filing is refused (`retired`, the message's tail), or waits for it (docs/master-data.md, Retiring).
 */
async function store(deps: Deps, data: Filing, extra: { uploadIds: string[]; screened: Screened; retired: string }) {
  const now = deps.clock.now();
  const { sla: hours, calendar } = await loadClocks(deps.db, data.communityId);
  const sla = await loadComplaintSla(deps.db, data.communityId);
  const triageDueAt = triageDue({ sla, calendar, hours }, Boolean(data.urgent), now);
  const id = randomUUID();
  await deps.db.$transaction(async (tx) => {
    const [community] = await tx.$queryRaw<{ retiredAt: Date | null }[]>`
      SELECT "retiredAt" FROM "Community" WHERE id = ${data.communityId}::uuid FOR SHARE`;
    if (community?.retiredAt) throw new AppError('MASTER_RETIRED', `这个小区已停用，${extra.retired}`);
    await claimUploads(tx, { uploaderId: data.filedById, ids: extra.uploadIds, kind: 'complaint', recordId: id, now });
    if (extra.screened.held)
      await holdForReview(tx, {
        communityId: data.communityId,
        authorId: data.filedById,
        kind: 'complaint',
        recordId: id,
        text: [data.place, data.text].filter(Boolean).join('；'),
        reason: extra.screened.reason,
        label: extra.screened.label,
        traceId: extra.screened.traceId,
        now,
      });
    await tx.complaint.create({
      data: {
        ...data,
        id,
        textHeld: extra.screened.held,
        triageDueAt,
        nextDueAt: triageDueAt,
        filedAt: now,
        updatedAt: now,
        events: {
          create: { action: 'file', fromStatus: 'SUBMITTED', toStatus: 'SUBMITTED', actorId: data.filedById, at: now },
        },
      },
    });
  });
  return id;
}

/** A resident files about one of their units, or a common place of their community. */
export async function fileComplaint(deps: Deps, userId: string, input: FileComplaint) {
  const communityId = await filingCommunity(deps, userId, input);
  // Each filing is a WeChat text check: charged like a repair's, once the filing is valid and theirs.
  await deps.limits.repairsPerUser.consume(userId);
  // Screened like every resident's text (docs/wechat.md §7): risky refused here, review held.
  const screened = await screenText(deps, userId, [input.place, input.text], 2);
  const id = await store(
    deps,
    {
      communityId,
      unitId: input.unitId ?? null,
      place: input.place ?? null,
      residentId: userId,
      filedById: userId,
      channel: 'APP',
      kind: input.kind,
      category: input.category,
      text: input.text,
      urgent: input.urgent,
      anonymous: input.anonymous,
    },
    { uploadIds: input.uploadIds, screened, retired: '不能再提交投诉' },
  );
  return getComplaint(deps, userId, id);
}

/**
 * Customer service files for a caller (电话 / 到访), as the office does for repairs: the channel and the
 * caller are recorded; the text is the staff's own words, so it is not screened.
 */
export async function fileForCaller(deps: Deps, staffId: string, communityId: string, input: FileForCaller) {
  await requireRole(deps.db, staffId, communityId, OFFICE_ROLES);
  // Nothing new is filed in a retired community, by a resident or on their behalf (docs/master-data.md):
  // refused early here, and for certain in store's transaction (the community FOR SHARE).
  await refuseRetiredCommunity(deps.db, communityId, '不能再代为登记投诉');
  if (input.unitId) {
    const unit = await deps.db.unit.count({ where: { id: input.unitId, communityId } });
    if (unit === 0) throw notFound('房屋');
  }
  const { uploadIds: _none, ...rest } = { uploadIds: [], ...input };
  const id = await store(
    deps,
    {
      ...rest,
      communityId,
      unitId: input.unitId ?? null,
      place: input.place ?? null,
      residentId: null,
      filedById: staffId,
    },
    { uploadIds: [], screened: { held: false }, retired: '不能再代为登记投诉' },
  );
  return getComplaint(deps, staffId, id);
}
