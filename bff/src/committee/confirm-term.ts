import { randomUUID } from 'node:crypto';
import type { Deps } from '../deps.js';
import { AppError, isUniqueViolation, notFound } from '../errors.js';
import { addDays, beijingDay } from '../beijing.js';
import { maskPhone } from '../privacy/mask.js';
import { claimUploads } from '../uploads/claim-uploads.js';
import { writeAudit } from '../roles/audit-write.js';
import { endDeskSessionsWithoutRole } from '../roles/end-access.js';
import { adminAt } from './access.js';
import { proposeFromElection } from './proposal.js';
import { setCommitteeRoles } from './committee-roles.js';
import type { ConfirmTerm } from './schema.js';
import { getCommittee } from './view.js';

const invalid = (message: string) => new AppError('VALIDATION_FAILED', message);
const changed = () => new AppError('ALREADY_DECIDED', '业委会刚刚已由他人录入或变更，请刷新后再录入');

/** 指导规则 art. 32: a term lasts at most five years. */
function checkDays(t: ConfirmTerm, today: string) {
  if (t.filedOn > today) throw invalid('备案日期不能晚于今天');
  if (t.endsOn < today) throw invalid('这一届任期已经结束，不能再录入');
  const limit = addDays(`${Number(t.startsOn.slice(0, 4)) + 5}${t.startsOn.slice(4)}`, -1);
  if (t.endsOn > limit) throw invalid('每届任期不超过 5 年');
}

/** Who the members are: the election's elected with an account, or (by hand) owners of record of the community. */
async function resolveMembers(deps: Deps, t: ConfirmTerm) {
  const people = await deps.db.user.findMany({
    where: {
      OR: [
        { id: { in: t.members.flatMap((m) => m.userId ?? []) } },
        { phone: { in: t.members.flatMap((m) => m.phone ?? []) } },
      ],
    },
    select: { id: true, phone: true },
  });
  const proposal = t.electionId ? await proposeFromElection(deps.db, t.communityId, t.electionId) : null;
  if (t.electionId && !proposal) throw notFound('选举');
  if (t.electionId && (await deps.db.committeeTerm.count({ where: { electionId: t.electionId } })) > 0)
    throw new AppError('ALREADY_DECIDED', '这次选举产生的业委会已经录入');
  const owners = await deps.db.ownerRosterEntry.findMany({
    where: {
      phone: { in: people.flatMap((p) => p.phone ?? []) },
      relation: { in: ['OWNER', 'CO_OWNER'] },
      unit: { communityId: t.communityId },
    },
    select: { phone: true },
  });
  const members = t.members.map((m) => {
    const who = m.phone ?? '';
    const person = people.find((p) => (m.userId ? p.id === m.userId : p.phone === m.phone));
    if (!person) throw invalid(m.userId ? '成员账号不存在' : `手机号 ${maskPhone(who)} 尚未使用小程序，请先邀请其登录`);
    if (proposal && !proposal.matched.some((x) => x.userId === person.id))
      throw invalid(`手机号 ${maskPhone(person.phone)} 不是这次选举的当选人`);
    if (!owners.some((o) => o.phone === person.phone))
      throw invalid(`手机号 ${maskPhone(person.phone)} 不是本小区名册上的业主`);
    return { userId: person.id, office: m.office };
  });
  if (new Set(members.map((m) => m.userId)).size !== members.length) throw invalid('同一个人只能担任一个职务');
  return members;
}

/**
 * Enters a committee term with its filing evidence (docs/roles.md §The committee), in one transaction:
 * the receipt photo claimed, the running term (if any) ended as superseded, the term and its members
 * written, and exactly its members made to hold COMMITTEE_MEMBER — all audited, or nothing.
 */
export async function confirmTerm(deps: Deps, userId: string, t: ConfirmTerm) {
  const place = await adminAt(deps, userId, t.communityId);
  const now = deps.clock.now();
  checkDays(t, beijingDay(now));
  const members = await resolveMembers(deps, t);
  const termId = randomUUID();
  let removed: string[];
  try {
    removed = await deps.db.$transaction(async (tx) => {
      await claimUploads(tx, {
        uploaderId: userId,
        ids: [t.receiptUploadId],
        kind: 'committeeTerm',
        recordId: termId,
        now,
      });
      // Only if nothing changed since the caller looked: two admins entering at once cannot both win
      // (when no term runs, the one-running index refuses the second).
      const [running] = await tx.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "CommitteeTerm" WHERE "communityId" = ${t.communityId}::uuid AND "endedAt" IS NULL FOR UPDATE`;
      if ((running?.id ?? null) !== (t.replacesTermId ?? null)) throw changed();
      if (running)
        await tx.committeeTerm.update({
          where: { id: running.id },
          data: { endedAt: now, endedReason: 'SUPERSEDED' },
        });
      await tx.committeeTerm.create({
        data: {
          id: termId,
          ...place,
          startsOn: t.startsOn,
          endsOn: t.endsOn,
          filedOn: t.filedOn,
          receiptUploadId: t.receiptUploadId,
          electionId: t.electionId ?? null,
          confirmedById: userId,
          confirmedAt: now,
          members: { create: members },
        },
      });
      await writeAudit(tx, {
        ...place,
        actorId: userId,
        kind: 'COMMITTEE_TERM_CONFIRMED',
        subjectId: null,
        after: { termId, electionId: t.electionId ?? null, ...pick(t), members },
        reason: t.electionId ? '选举产生，备案录入' : '手工录入，备案录入',
        at: now,
      });
      return setCommitteeRoles(tx, place, members, {
        actorId: userId,
        reason: '业委会备案录入',
        termId,
        now,
      });
    });
  } catch (err) {
    // The election's unique key, or another admin's term committed meanwhile (one running per community).
    if (isUniqueViolation(err)) throw changed();
    throw err;
  }
  for (const id of removed) await endDeskSessionsWithoutRole(deps, id);
  deps.logger.info({ userId, termId, members: members.length, removed: removed.length }, 'committee term confirmed');
  return getCommittee(deps, userId, t.communityId);
}

const pick = (t: ConfirmTerm) => ({ startsOn: t.startsOn, endsOn: t.endsOn, filedOn: t.filedOn });
