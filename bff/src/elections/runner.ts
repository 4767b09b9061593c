import type { Election, ElectionState, Prisma } from '@prisma/client';
import type { Deps } from '../deps.js';
import { AppError, notFound } from '../errors.js';
import { requireRole } from '../access/guards.js';
import { writeCommunityAudit, type CommunityAuditKind } from '../roles/audit-write.js';

export type Tx = Prisma.TransactionClient;

/** Those who run a vote: the committee (or the election group, given the same role). */
export const RUNNERS = ['COMMITTEE_MEMBER'] as const;

/** The election, if the caller runs votes in its community; otherwise it does not exist. */
export async function electionForRunner(deps: Deps, userId: string, id: string): Promise<Election> {
  const election = await deps.db.election.findUnique({ where: { id } });
  if (!election) throw notFound('投票');
  await requireRole(deps.db, userId, election.communityId, [...RUNNERS], '投票');
  return election;
}

/**
 * The steps the company's audit log records as well (docs/roles.md, Audit log), with the states they
 * move between; the election's own event log keeps every action.
 */
const COMPANY_AUDIT: Partial<Record<string, { kind: CommunityAuditKind; from?: ElectionState; to?: ElectionState }>> = {
  CREATED: { kind: 'ELECTION_CREATED', to: 'DRAFT' },
  PUBLISHED: { kind: 'ELECTION_PUBLISHED', from: 'DRAFT', to: 'PUBLISHED' }, // the roster is frozen here (roster.ts)
  REPUBLISHED: { kind: 'ELECTION_PUBLISHED', from: 'PUBLISHED', to: 'PUBLISHED' },
  ROSTER_CONFIRMED: { kind: 'ELECTION_ROSTER_CONFIRMED' },
  OPENED: { kind: 'ELECTION_OPENED', from: 'PUBLISHED', to: 'OPEN' },
  CLOSED: { kind: 'ELECTION_CLOSED', from: 'OPEN', to: 'CLOSED' },
  TALLIED: { kind: 'ELECTION_TALLIED', from: 'CLOSED', to: 'TALLIED' },
  RESULTS_PUBLISHED: { kind: 'ELECTION_RESULTS_PUBLISHED', from: 'TALLIED', to: 'RESULTS_PUBLISHED' },
  PAPER_BALLOT: { kind: 'ELECTION_PAPER_BALLOT' },
  PROXY_BALLOT: { kind: 'ELECTION_PROXY_BALLOT' },
};

/** The election's event, and for the steps above the company's audit row, in the step's transaction. */
export async function audit(tx: Tx, electionId: string, action: string, actorId: string | null, at: Date, detail = '') {
  await tx.electionEvent.create({ data: { electionId, action, actorId, at, detail } });
  const mirror = COMPANY_AUDIT[action];
  if (!mirror) return;
  const { communityId, title } = await tx.election.findUniqueOrThrow({
    where: { id: electionId },
    select: { communityId: true, title: true },
  });
  await writeCommunityAudit(tx, {
    communityId,
    actorId,
    kind: mirror.kind,
    subjectId: electionId,
    ...(mirror.from ? { before: { state: mirror.from } } : {}),
    after: { ...(mirror.to ? { state: mirror.to } : {}), action, detail },
    reason: title,
    at,
  });
}

/** Moves the state on by a conditional update: a step taken twice, or out of order, is refused. */
export async function step(
  tx: Tx,
  id: string,
  from: ElectionState,
  to: ElectionState,
  data: Prisma.ElectionUpdateManyMutationInput = {},
) {
  const moved = await tx.election.updateMany({ where: { id, state: from }, data: { ...data, state: to } });
  if (moved.count === 0) throw new AppError('ALREADY_DECIDED', STEP_REFUSED[to] ?? '投票状态已变化，请刷新后重试');
}
const STEP_REFUSED: Partial<Record<ElectionState, string>> = {
  PUBLISHED: '只有草稿可以公示',
  OPEN: '只有公示中的投票可以开始',
  CLOSED: '只有进行中的投票可以结束',
  TALLIED: '投票结束后才能计票',
  RESULTS_PUBLISHED: '计票后才能公布结果',
  ARCHIVED: '公布结果后才能归档',
};

/**
 * The election for its export (every slot's choices): only once voting has closed. While it is open
 * the committee — candidates among them — sees turnout only (docs/domain.md §5, The count).
 */
export async function exportableElection(deps: Deps, userId: string, id: string): Promise<Election> {
  const election = await electionForRunner(deps, userId, id);
  if (['DRAFT', 'PUBLISHED', 'OPEN'].includes(election.state))
    throw new AppError('ELECTION_NOT_CLOSED', '投票结束后才能导出选票，进行中只显示参与情况');
  return election;
}

/** docs/domain.md §5, Notice: the earliest opening is publication plus the notice period. */
export const earliestOpening = (e: Pick<Election, 'publishedAt' | 'noticeDays'>) =>
  e.publishedAt ? new Date(e.publishedAt.getTime() + e.noticeDays * 86_400_000) : null;

/**
 * The shortest voting period the product accepts between opening and the announced deadline (review
 * finding 4; docs/domain.md §5, Voting period): owners away for a week can still vote. The deadline
 * announced at opening is the close — the committee cannot end the vote before it.
 */
export const MIN_VOTING_DAYS = 7;
export const MIN_VOTING_MS = MIN_VOTING_DAYS * 86_400_000;
