import type { Deps } from '../deps.js';
import { beijingDay, DAY_MS } from '../beijing.js';
import { maskPhone } from '../privacy/mask.js';
import { viewerAt } from './access.js';
import { proposeFromElection } from './proposal.js';
import { OFFICE_NAMES, OFFICES } from './schema.js';

/** Whole days from `from` to `to` (YYYY-MM-DD); negative when `to` is past. */
export const daysFrom = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/** The running term with its members, and the proposal from the latest published election not yet entered. */
export async function getCommittee(deps: Deps, userId: string, communityId: string) {
  const v = await viewerAt(deps, userId, communityId);
  const today = beijingDay(deps.clock.now());
  const term = await deps.db.committeeTerm.findFirst({
    where: { communityId, endedAt: null },
    include: { members: true },
  });
  const users = await deps.db.user.findMany({
    where: { id: { in: term?.members.map((m) => m.userId) ?? [] } },
    select: { id: true, name: true, phone: true },
  });
  // Every member is an owner of record here: one who never wrote a name in the app is named as the roster does.
  const phones = users.flatMap((u) => (u.phone ? [u.phone] : []));
  const roster = phones.length
    ? await deps.db.ownerRosterEntry.findMany({
        where: { phone: { in: phones }, unit: { communityId } },
        select: { phone: true, name: true },
      })
    : [];
  const proposal = await proposeFromElection(deps.db, communityId);
  const entered = proposal
    ? (await deps.db.committeeTerm.count({ where: { electionId: proposal.election.id } })) > 0
    : false;
  const reminders = v.admin ? await remindersOf(deps, v.companyId, today) : [];
  const rank = (o: string) => OFFICES.indexOf(o as (typeof OFFICES)[number]);
  return {
    communityId,
    canConfirm: v.admin,
    today,
    reminders,
    term: term && {
      id: term.id,
      startsOn: term.startsOn,
      endsOn: term.endsOn,
      filedOn: term.filedOn,
      receiptUploadId: term.receiptUploadId,
      electionId: term.electionId,
      daysLeft: daysFrom(today, term.endsOn),
      remindedAt: term.remindedAt?.toISOString() ?? null,
      members: term.members
        .map((m) => {
          const u = users.find((x) => x.id === m.userId);
          return {
            userId: m.userId,
            name: u?.name ?? roster.find((r) => r.phone === u?.phone)?.name ?? '未填写姓名',
            phone: maskPhone(u?.phone),
            office: m.office,
            officeName: OFFICE_NAMES[m.office],
          };
        })
        .sort((a, b) => rank(a.office) - rank(b.office) || a.name.localeCompare(b.name, 'zh-CN')),
    },
    proposal:
      proposal && !entered
        ? {
            election: { ...proposal.election, closedAt: proposal.election.closedAt?.toISOString() ?? null },
            matched: proposal.matched.map((m) => ({ ...m, phone: maskPhone(m.phone) })),
            unmatched: proposal.unmatched,
          }
        : null,
  };
}

/** For a company admin: every running term of the company whose 60-day reminder went out (sweep.ts). */
async function remindersOf(deps: Deps, companyId: string, today: string) {
  const terms = await deps.db.committeeTerm.findMany({
    where: { companyId, endedAt: null, remindedAt: { not: null } },
    orderBy: { endsOn: 'asc' },
    select: { communityId: true, endsOn: true, remindedAt: true },
  });
  const names = await deps.db.community.findMany({
    where: { id: { in: terms.map((t) => t.communityId) } },
    select: { id: true, name: true },
  });
  return terms.map((t) => ({
    communityId: t.communityId,
    communityName: names.find((n) => n.id === t.communityId)?.name ?? '',
    endsOn: t.endsOn,
    daysLeft: daysFrom(today, t.endsOn),
    remindedAt: t.remindedAt!.toISOString(),
  }));
}
