import type { Prisma } from '@prisma/client';
import type { Db } from '../db.js';
import type { TallyResult } from '../elections/tally.js';

/** Why an elected candidate cannot be proposed as a member: the company invites them or enters them by hand. */
export type Unmatched = 'NOT_ON_ROSTER' | 'SEVERAL_OWNERS' | 'NO_ACCOUNT';
export const UNMATCHED_NAMES: Record<Unmatched, string> = {
  NOT_ON_ROSTER: '业主名册中没有同名业主',
  SEVERAL_OWNERS: '业主名册中有多位同名业主，请手工录入',
  NO_ACCOUNT: '尚未使用小程序，请邀请其登录后再录入',
};

type Tx = Db | Prisma.TransactionClient;

/** A committee election of the community whose results are published, not yet entered as a term. */
export async function latestPublishedElection(db: Tx, communityId: string, electionId?: string) {
  return db.election.findFirst({
    where: {
      communityId,
      kind: 'ELECTION',
      state: { in: ['RESULTS_PUBLISHED', 'ARCHIVED'] },
      ...(electionId ? { id: electionId } : {}),
    },
    orderBy: [{ closedAt: 'desc' }, { id: 'desc' }],
    select: {
      id: true,
      title: true,
      closedAt: true,
      result: true,
      candidates: { select: { id: true, name: true }, orderBy: { sortOrder: 'asc' } },
    },
  });
}

/**
 * The elected candidates of a published election, matched to app accounts (docs/roles.md §The
 * committee). A candidate is known only by the name posted on the ballot, so the match goes through
 * the community's owner roster: the owners of record of that exact name; exactly one phone among them,
 * and that phone an account of the app. Anything else is listed, never guessed.
 */
export async function proposeFromElection(db: Tx, communityId: string, electionId?: string) {
  const election = await latestPublishedElection(db, communityId, electionId);
  if (!election) return null;
  const elected = new Set((election.result as TallyResult | null)?.elected ?? []);
  const winners = election.candidates.filter((c) => elected.has(c.id));
  const names = [...new Set(winners.map((c) => c.name.trim()))];
  const roster = await db.ownerRosterEntry.findMany({
    where: { name: { in: names }, relation: { in: ['OWNER', 'CO_OWNER'] }, unit: { communityId } },
    select: { name: true, phone: true },
  });
  const users = await db.user.findMany({
    where: { phone: { in: [...new Set(roster.map((r) => r.phone))] } },
    select: { id: true, name: true, phone: true },
  });
  const byPhone = new Map(users.map((u) => [u.phone!, u]));
  const matched: { candidateId: string; name: string; userId: string; phone: string }[] = [];
  const unmatched: { candidateId: string; name: string; reason: Unmatched; reasonName: string }[] = [];
  for (const c of winners) {
    const phones = [...new Set(roster.filter((r) => r.name === c.name.trim()).map((r) => r.phone))];
    const user = phones.length === 1 ? byPhone.get(phones[0]!) : undefined;
    const reason: Unmatched | null =
      phones.length === 0 ? 'NOT_ON_ROSTER' : phones.length > 1 ? 'SEVERAL_OWNERS' : user ? null : 'NO_ACCOUNT';
    if (reason) unmatched.push({ candidateId: c.id, name: c.name, reason, reasonName: UNMATCHED_NAMES[reason] });
    else matched.push({ candidateId: c.id, name: c.name, userId: user!.id, phone: user!.phone! });
  }
  return { election: { id: election.id, title: election.title, closedAt: election.closedAt }, matched, unmatched };
}
