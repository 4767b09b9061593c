import type { Deps } from '../deps.js';
import { OFFICE_ROLES, staffRolesByCommunity } from '../access/scope.js';
import { notFound } from '../errors.js';
import { COMMITTEE_REVIEW_KINDS } from '../moderation/decide.js';
import { OPEN_WORK } from '../repairs/list-repairs.js';
import { beijingDay } from '../beijing.js';
import { daysFrom } from '../committee/view.js';
import { HANDLING_STATES } from '../complaints/office-list.js';

/**
 * What waits for the caller in one community, for the counts on the staff home (issue 30): the office
 * (manager, company admin) sees bind requests to decide (not their own: another office holder decides
 * those), repairs filed and not yet accepted, and content held for review (not the committee's election
 * candidates), complaints to triage and return visits to phone (#31); a technician sees their own open
 * jobs, and staff outside the office the complaints assigned to them not yet done. A count the caller's roles do not open is null. The
 * same filters as the lists they lead to (units/list-bind-request-queue.ts, repairs/list-repairs.ts,
 * moderation/queue.ts), so the number on the tile is the length of the list behind it. A company admin
 * also gets the community's committee term once its 60-day reminder went out (committee/sweep.ts), null
 * otherwise: the company enters the next term (docs/roles.md §The committee).
 */
export async function waitingCounts(deps: Deps, staffId: string, communityId: string) {
  const roles = (await staffRolesByCommunity(deps.db, staffId)).get(communityId)?.roles;
  if (!roles?.length) throw notFound('小区');
  const office = roles.some((r) => OFFICE_ROLES.includes(r));
  const technician = roles.includes('TECHNICIAN');
  const admin = roles.includes('COMPANY_ADMIN');
  const [bindRequests, repairsToAccept, moderation, myJobs, complaintsToTriage, returnVisitsDue, myComplaints, ending] =
    await Promise.all([
      office
        ? deps.db.unitMembership.count({
            where: { status: 'PENDING', unit: { communityId }, userId: { not: staffId } },
          })
        : null,
      office ? deps.db.repairRequest.count({ where: { communityId, status: 'SUBMITTED' } }) : null,
      office
        ? deps.db.contentReview.count({
            where: { communityId, status: 'PENDING', kind: { notIn: COMMITTEE_REVIEW_KINDS } },
          })
        : null,
      technician
        ? deps.db.repairRequest.count({ where: { communityId, assigneeId: staffId, status: { in: OPEN_WORK } } })
        : null,
      office ? deps.db.complaint.count({ where: { communityId, status: 'SUBMITTED' } }) : null,
      office ? deps.db.returnVisit.count({ where: { communityId, doneAt: null } }) : null,
      // Staff outside the office see only the complaints assigned to them (complaints/office-list.ts).
      office
        ? null
        : deps.db.complaint.count({ where: { communityId, assigneeId: staffId, status: { in: HANDLING_STATES } } }),
      admin
        ? deps.db.committeeTerm.findFirst({
            where: { communityId, endedAt: null, remindedAt: { not: null } },
            select: { endsOn: true },
          })
        : null,
    ]);
  const committeeTermEnding = ending
    ? { endsOn: ending.endsOn, daysLeft: daysFrom(beijingDay(deps.clock.now()), ending.endsOn) }
    : null;
  return {
    bindRequests,
    repairsToAccept,
    moderation,
    myJobs,
    complaintsToTriage,
    returnVisitsDue,
    myComplaints,
    committeeTermEnding,
  };
}
