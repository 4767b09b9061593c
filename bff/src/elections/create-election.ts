import type { Deps } from '../deps.js';
import { AppError, notFound } from '../errors.js';
import { refuseRetiredCommunity } from '../access/community-retired.js';
import { requireRole } from '../access/guards.js';
import type { NewElection } from './schema.js';
import { audit, electionForRunner, RUNNERS } from './runner.js';
import { beijingMinute } from '../beijing.js';
import { getElectionForRunner } from './view.js';

export async function createElection(deps: Deps, userId: string, communityId: string, input: NewElection) {
  await requireRole(deps.db, userId, communityId, [...RUNNERS], '小区');
  // A retired community is history: no vote starts in it (docs/master-data.md, Retiring a community).
  await refuseRetiredCommunity(deps.db, communityId, '不能再发起表决');
  if (input.buildingId && !(await deps.db.building.count({ where: { id: input.buildingId, communityId } })))
    throw notFound('楼栋');
  const now = deps.clock.now();
  if (new Date(input.closesAt) <= now)
    throw new AppError('VALIDATION_FAILED', '截止时间应晚于现在', [{ path: 'closesAt', message: '截止时间已过' }]);
  if (input.kind === 'ELECTION') {
    // Shanghai art. 20: at least 5 members, or 3 where the community has no more than 10,000 m².
    const area = await deps.db.unit.aggregate({
      where: { communityId, ...(input.buildingId ? { buildingId: input.buildingId } : {}) },
      _sum: { exclusiveArea: true },
    });
    const minimum = (area._sum.exclusiveArea?.lte(10_000) ?? true) ? 3 : 5;
    if (input.seats < minimum)
      throw new AppError('VALIDATION_FAILED', `业委会委员应不少于 ${minimum} 人（单数）`, [
        { path: 'seats', message: `至少 ${minimum} 人` },
      ]);
  }
  return deps.db.$transaction(async (tx) => {
    const election = await tx.election.create({
      data: {
        communityId,
        buildingId: input.buildingId ?? null,
        title: input.title,
        description: input.description,
        kind: input.kind,
        class: input.class,
        seats: input.kind === 'MATTER' ? 1 : input.seats,
        allowChange: input.allowChange,
        deliveredCounts: input.deliveredCounts,
        silenceFollows: input.silenceFollows,
        noticeDays: input.noticeDays,
        closesAt: new Date(input.closesAt),
        createdById: userId,
        createdAt: now,
      },
    });
    await audit(tx, election.id, 'CREATED', userId, now, input.title);
    return election;
  });
}

/**
 * A draft's deadline, moved by the committee before publication (review finding 14): a draft made weeks
 * before it is published would otherwise lose its voting period, or be refused at publication with
 * nothing to change. Audited; once published the deadline is the one posted.
 */
export async function setDraftDeadline(deps: Deps, userId: string, id: string, closesAt: string) {
  const election = await electionForRunner(deps, userId, id);
  const now = deps.clock.now();
  const at = new Date(closesAt);
  if (at <= now)
    throw new AppError('VALIDATION_FAILED', '截止时间应晚于现在', [{ path: 'closesAt', message: '截止时间已过' }]);
  await deps.db.$transaction(async (tx) => {
    const moved = await tx.election.updateMany({ where: { id, state: 'DRAFT' }, data: { closesAt: at } });
    if (moved.count === 0) throw new AppError('ALREADY_DECIDED', '公示后截止时间不能再修改');
    await audit(tx, id, 'DEADLINE_SET', userId, now, `${beijingMinute(election.closesAt)} → ${beijingMinute(at)}`);
  });
  return getElectionForRunner(deps, userId, id);
}
