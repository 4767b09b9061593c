import { z } from 'zod';
import type { Deps } from '../deps.js';
import { defineJob } from '../jobs/define.js';
import { addDays, beijingDay } from '../beijing.js';
import { writeAudit } from '../roles/audit-write.js';
import { endDeskSessionsWithoutRole } from '../roles/end-access.js';
import { setCommitteeRoles } from './committee-roles.js';

/** The company is reminded this many days before a term's last day (issue 27). */
export const REMIND_DAYS = 60;

/** A term whose last day has passed (Beijing) ends: its members lose COMMITTEE_MEMBER at once, audited. */
async function endExpired(deps: Deps, today: string) {
  const due = await deps.db.committeeTerm.findMany({
    where: { endedAt: null, endsOn: { lt: today } },
    select: { id: true, companyId: true, communityId: true, endsOn: true },
  });
  for (const t of due) {
    const now = deps.clock.now();
    const place = { companyId: t.companyId, communityId: t.communityId };
    const removed = await deps.db.$transaction(async (tx) => {
      // Conditional: a second sweep, or an admin's new term meanwhile, finds nothing left to end.
      const ended = await tx.committeeTerm.updateMany({
        where: { id: t.id, endedAt: null },
        data: { endedAt: now, endedReason: 'EXPIRED' },
      });
      if (ended.count === 0) return [];
      await writeAudit(tx, {
        ...place,
        actorId: null,
        kind: 'COMMITTEE_TERM_ENDED',
        subjectId: null,
        after: { termId: t.id, endsOn: t.endsOn },
        reason: '任期届满',
        at: now,
      });
      return setCommitteeRoles(tx, place, [], { actorId: null, reason: '业委会任期届满', termId: t.id, now });
    });
    for (const userId of removed) await endDeskSessionsWithoutRole(deps, userId);
    if (removed.length) deps.logger.info({ termId: t.id, removed: removed.length }, 'committee term ended');
  }
}

/**
 * The reminder, once per term: `remindedAt` is set by a conditional update, and its audit row written
 * in the same transaction. Company admins see it on 业委会成员 (docs/roles.md §The committee).
 */
async function remindEnding(deps: Deps, today: string) {
  const due = await deps.db.committeeTerm.findMany({
    where: { endedAt: null, remindedAt: null, endsOn: { lte: addDays(today, REMIND_DAYS) } },
    select: { id: true, companyId: true, communityId: true, endsOn: true },
  });
  for (const t of due) {
    const now = deps.clock.now();
    await deps.db.$transaction(async (tx) => {
      const marked = await tx.committeeTerm.updateMany({
        where: { id: t.id, remindedAt: null },
        data: { remindedAt: now },
      });
      if (marked.count === 0) return;
      await writeAudit(tx, {
        companyId: t.companyId,
        communityId: t.communityId,
        actorId: null,
        kind: 'COMMITTEE_TERM_REMINDER',
        subjectId: null,
        after: { termId: t.id, endsOn: t.endsOn },
        reason: `业委会任期将于 ${t.endsOn} 届满，请提醒业委会组织换届选举`,
        at: now,
      });
    });
  }
}

/** Hourly (cheap when nothing is due), so a worker down at midnight still ends terms the same day. */
export const committeeSweep = defineJob({
  name: 'committee.term-sweep',
  schema: z.object({}),
  handler: async (deps) => {
    const today = beijingDay(deps.clock.now());
    await endExpired(deps, today);
    await remindEnding(deps, today);
  },
});
