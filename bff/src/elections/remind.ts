import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { FAN_OUT_TRANSACTION, queuePush } from '../push/outbox.js';
import { REMINDER_COOL_DOWN_DAYS } from '../fees/reminders.js';
import { electionForRunner } from './runner.js';

/** Reminds owners who have not voted yet (through the outbox; only those with push credit get a message). */
export async function remindNonVoters(deps: Deps, userId: string, id: string) {
  const election = await electionForRunner(deps, userId, id);
  if (election.state !== 'OPEN') throw new AppError('ELECTION_NOT_OPEN', '投票进行中才能提醒');
  // Those who may cast a slot not yet cast (docs/domain.md §5, The roster: the frozen voters, by phone).
  const voters = await deps.db.$queryRaw<{ userId: string }[]>`
    SELECT DISTINCT u."id" AS "userId" FROM "ElectionRosterEntry" r
      JOIN "ElectionVoter" v ON v."electionId" = r."electionId" AND v."unitId" = r."unitId"
      JOIN "User" u ON u."phone" = v."phone"
     WHERE r."electionId" = ${id}::uuid
       AND NOT EXISTS (SELECT 1 FROM "Ballot" b WHERE b."electionId" = r."electionId" AND b."ownerKey" = r."ownerKey")`;
  const now = deps.clock.now();
  const { queued, coolingDown } = await deps.db.$transaction(async (tx) => {
    // At most one reminder a week per owner, as arrears reminders (docs/domain.md §5, Reminders); one
    // reminder of the community at a time — two taps, or two elections reminded at once, cannot both
    // pass the check (review finding 15).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`election-remind:${election.communityId}`}))`;
    await deps.hooks?.afterReminderLock?.(id);
    const recent = await tx.pushMessage.findMany({
      where: {
        templateKey: 'electionClosing',
        userId: { in: voters.map((v) => v.userId) },
        createdAt: { gt: new Date(now.getTime() - REMINDER_COOL_DOWN_DAYS * 86_400_000) },
      },
      select: { userId: true },
      distinct: ['userId'],
    });
    const cooling = new Set(recent.map((r) => r.userId));
    const n = await queuePush(deps, tx, {
      template: 'electionClosing',
      recipients: voters
        .filter((v) => !cooling.has(v.userId))
        .map((v) => ({ userId: v.userId, communityId: election.communityId })),
      values: { title: election.title, closesAt: election.closesAt },
      pageQuery: { id },
      event: { kind: 'election.reminder', id: `${id}:${now.getTime()}` },
    });
    await tx.electionEvent.create({
      data: {
        electionId: id,
        action: 'REMINDED',
        actorId: userId,
        at: now,
        detail: `${voters.length} 位未投票业主，${n} 条消息${cooling.size ? `，${cooling.size} 位一周内已提醒` : ''}`,
      },
    });
    return { queued: n, coolingDown: cooling.size };
  }, FAN_OUT_TRANSACTION);
  return { owners: voters.length, pushed: queued, coolingDown };
}
