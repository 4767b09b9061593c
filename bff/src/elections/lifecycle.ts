import type { Election, Prisma } from '@prisma/client';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { FAN_OUT_TRANSACTION, queuePush } from '../push/outbox.js';
import { pushNoticePublished } from '../notices/push.js';
import { invalidateNotices } from '../notices/cache.js';
import { beijingMinute } from '../beijing.js';
import { tally, type TallyResult } from './tally.js';
import { exportInput } from './export-input.js';
import { newKeySalt, snapshotRoster } from './roster.js';
import { audit, earliestOpening, electionForRunner, MIN_VOTING_DAYS, MIN_VOTING_MS, step, type Tx } from './runner.js';
import { getElectionForRunner } from './view.js';
import { refusePendingReviews } from './reviews.js';

/**
 * A notice to the community (业委会公示), published at once, written in the step's transaction. Only the
 * publication is pushed as a notice (`noticePublished`): the opening, the close and the results reach
 * the voters through their own templates or not at all, so they cannot use up the one credit an owner
 * gave for the next notice (review finding 5; docs/wechat.md §4).
 */
async function announce(
  deps: Deps,
  tx: Tx,
  election: Election,
  authorId: string,
  title: string,
  bodyHtml: string,
  push = false,
) {
  const community = await tx.community.findUniqueOrThrow({
    where: { id: election.communityId },
    select: { companyId: true },
  });
  const now = deps.clock.now();
  const notice = await tx.notice.create({
    data: {
      companyId: community.companyId,
      authorId,
      title,
      bodyHtml,
      category: 'COMMITTEE',
      committeeElectionId: election.id, // the committee's: only its members edit or withdraw it
      status: 'PUBLISHED',
      publishedAt: now,
      createdAt: now,
      updatedAt: now,
      targets: { create: [{ communityId: election.communityId }] },
    },
    include: { targets: { select: { communityId: true } } },
  });
  if (push) await pushNoticePublished(deps, tx, notice);
}

/** The users whose phones are the election's frozen voters (docs/domain.md §5, The roster). */
const votersOf = (tx: Tx, id: string) => tx.$queryRaw<{ userId: string }[]>`
  SELECT DISTINCT u."id" AS "userId" FROM "ElectionVoter" v JOIN "User" u ON u."phone" = v."phone"
   WHERE v."electionId" = ${id}::uuid`;

const escape = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * Draft → published: candidates and roster posted for the notice period (roster corrections allowed
 * until opening). Also the re-posting of a withdrawn 【公示】 (review finding 9): the roster stays, the
 * notice period starts again from the new notice.
 */
export async function publishElection(deps: Deps, userId: string, id: string) {
  const election = await electionForRunner(deps, userId, id);
  const now = deps.clock.now();
  // A vote that would close before its notice period ends could never open (the Regulations art. 14).
  // … nor one whose voting period after the notice period is shorter than the minimum (review finding 4).
  if (
    election.closesAt.getTime() <
    earliestOpening({ publishedAt: now, noticeDays: election.noticeDays })!.getTime() + MIN_VOTING_MS
  )
    throw new AppError(
      'VALIDATION_FAILED',
      `截止时间应在公示 ${election.noticeDays} 天后再留出至少 ${MIN_VOTING_DAYS} 天投票期，请修改截止时间`,
    );
  await deps.db.$transaction(async (tx) => {
    // The community first, FOR SHARE: a retirement (FOR UPDATE, after which it counts the elections under way)
    // either commits before and is found here, or waits for this publication and then refuses to retire.
    const [community] = await tx.$queryRaw<{ retiredAt: Date | null }[]>`
      SELECT "retiredAt" FROM "Community" WHERE id = ${election.communityId}::uuid FOR SHARE`;
    if (community?.retiredAt) throw new AppError('MASTER_RETIRED', '这个小区已停用，不能再公示表决');
    // The step then locks the election: a candidate added concurrently either committed before (and
    // is read below) or waits and is refused — the notice lists exactly the candidates that stand.
    const repost = election.state === 'PUBLISHED' && !election.publishedAt;
    const ownerKeySalt = repost ? election.ownerKeySalt : newKeySalt();
    if (repost) {
      const moved = await tx.election.updateMany({
        where: { id, state: 'PUBLISHED', publishedAt: null },
        data: { publishedAt: now },
      });
      if (moved.count === 0) throw new AppError('ALREADY_DECIDED', '公示已重新发布，请刷新');
    } else await step(tx, id, 'DRAFT', 'PUBLISHED', { publishedAt: now, ownerKeySalt });
    const candidates = await tx.electionCandidate.findMany({
      where: { electionId: id },
      orderBy: { sortOrder: 'asc' },
    });
    await refusePendingReviews(tx, id);
    if (election.kind === 'ELECTION' && candidates.length < election.seats)
      throw new AppError('VALIDATION_FAILED', `候选人不少于 ${election.seats} 名（应选人数）才能公示`);
    const units = repost
      ? await tx.electionRosterEntry.count({ where: { electionId: id } })
      : await snapshotRoster(deps, tx, { ...election, ownerKeySalt });
    if (units === 0) throw new AppError('VALIDATION_FAILED', '范围内没有房屋，无法投票');
    await audit(tx, id, repost ? 'REPUBLISHED' : 'PUBLISHED', userId, now, `${units} 户`);
    const list =
      election.kind === 'ELECTION'
        ? `<p>候选人：</p><ul>${candidates.map((c) => `<li>${escape(c.name)}，${escape(c.sex)}，${c.age}岁，${escape(c.affiliation)}，${escape(c.occupation)}</li>`).join('')}</ul>`
        : '';
    const opensFrom = beijingMinute(earliestOpening({ publishedAt: now, noticeDays: election.noticeDays })!);
    await announce(
      deps,
      tx,
      election,
      userId,
      `【公示】${election.title}`,
      `<p>${escape(election.description)}</p>${list}<p>公示 ${election.noticeDays} 天，最早 ${opensFrom} 开始投票；投票截止：${beijingMinute(election.closesAt)}。业主名册已公示，如有异议请联系业委会。</p>`,
      true,
    );
  }, FAN_OUT_TRANSACTION);
  await invalidateNotices(deps, [election.communityId]);
  return getElectionForRunner(deps, userId, id);
}

/** Published → open: the roster and the rules are frozen; owners are told (notice and push). */
export async function openElection(deps: Deps, userId: string, id: string) {
  const election = await electionForRunner(deps, userId, id);
  const now = deps.clock.now();
  if (election.closesAt.getTime() - now.getTime() < MIN_VOTING_MS)
    throw new AppError(
      'VOTING_PERIOD',
      `距截止时间 ${beijingMinute(election.closesAt)} 不足 ${MIN_VOTING_DAYS} 天，投票期太短，不能开始`,
    );
  // The Regulations art. 14: at least 15 days (or the rules' longer period) between publication and opening.
  const earliest = earliestOpening(election);
  if (election.state === 'PUBLISHED' && !election.publishedAt)
    throw new AppError('NOTICE_PERIOD', '公示已撤回，请重新发布公示（公示期重新计算）后再开始投票');
  if (election.state === 'PUBLISHED' && earliest && now < earliest)
    throw new AppError(
      'NOTICE_PERIOD',
      `公示期为 ${election.noticeDays} 天，最早 ${beijingMinute(earliest)} 才能开始投票`,
    );
  await deps.db.$transaction(async (tx) => {
    await step(tx, id, 'PUBLISHED', 'OPEN', { openedAt: now });
    // Read under the step's lock: a correction or admission that cleared it has committed or waits.
    const { rosterConfirmedAt } = await tx.election.findUniqueOrThrow({
      where: { id },
      select: { rosterConfirmedAt: true },
    });
    if (!rosterConfirmedAt)
      throw new AppError('ROSTER_NOT_CONFIRMED', '业委会核对并确认业主名册（含投票人）后才能开始投票');
    await audit(
      tx,
      id,
      'OPENED',
      userId,
      now,
      `规则：${election.allowChange ? '可改票一次' : '不可改票'}；送达视为参与 ${election.deliveredCounts ? '是' : '否'}；沉默随多数 ${election.silenceFollows ? '是' : '否'}`,
    );
    await announce(
      deps,
      tx,
      election,
      userId,
      `【投票开始】${election.title}`,
      `<p>请业主在小程序“投票”中投票，截止 ${beijingMinute(election.closesAt)}。</p>`,
    );
    // Those who may cast a slot (docs/domain.md §5, The roster): the frozen voters, by their phones.
    const voters = await votersOf(tx, id);
    await queuePush(deps, tx, {
      template: 'electionOpened',
      recipients: voters.map((v) => ({ userId: v.userId, communityId: election.communityId })),
      values: { title: election.title, closesAt: election.closesAt },
      pageQuery: { id },
      event: { kind: 'election.opened', id },
    });
  }, FAN_OUT_TRANSACTION);
  await invalidateNotices(deps, [election.communityId]);
  return getElectionForRunner(deps, userId, id);
}

/** Open → closed, at the deadline announced at opening and not before (review finding 4). */
export async function closeElection(deps: Deps, userId: string, id: string) {
  const election = await electionForRunner(deps, userId, id);
  const now = deps.clock.now();
  if (election.state === 'OPEN' && now < election.closesAt)
    throw new AppError('VOTING_PERIOD', `投票截止时间为 ${beijingMinute(election.closesAt)}，截止前不能结束投票`);
  await deps.db.$transaction(async (tx) => {
    await step(tx, id, 'OPEN', 'CLOSED', { closedAt: now });
    const ballots = await tx.ballot.count({ where: { electionId: id } });
    await audit(tx, id, 'CLOSED', userId, now, `${ballots} 张选票`);
    await announce(
      deps,
      tx,
      election,
      userId,
      `【投票结束】${election.title}`,
      `<p>投票已于 ${beijingMinute(now)} 结束，共收到 ${ballots} 张选票，业委会正在计票，结果将另行公告。</p>`,
    );
  }, FAN_OUT_TRANSACTION);
  await invalidateNotices(deps, [election.communityId]);
  return getElectionForRunner(deps, userId, id);
}

/** Closed → tallied: the pure count over the frozen roster and the ballots, stored with the election. */
export async function tallyElection(deps: Deps, userId: string, id: string) {
  const election = await electionForRunner(deps, userId, id);
  const now = deps.clock.now();
  await deps.db.$transaction(async (tx) => {
    const result: TallyResult = tally(await exportInput(tx, election));
    await step(tx, id, 'CLOSED', 'TALLIED', { result: result as unknown as Prisma.InputJsonValue });
    await audit(
      tx,
      id,
      'TALLIED',
      userId,
      now,
      `elected ${result.elected.length}, run-off ${result.runoff.length}, vacant ${result.vacant}, quorum ${result.quorum}`,
    );
  });
  return getElectionForRunner(deps, userId, id);
}

export async function publishResults(deps: Deps, userId: string, id: string) {
  const election = await electionForRunner(deps, userId, id);
  await deps.db.$transaction(async (tx) => {
    await step(tx, id, 'TALLIED', 'RESULTS_PUBLISHED');
    await audit(tx, id, 'RESULTS_PUBLISHED', userId, deps.clock.now());
    await announce(
      deps,
      tx,
      election,
      userId,
      `【结果公告】${election.title}`,
      '<p>投票结果已公布，请在小程序“投票”中查看各候选人（事项）的得票面积与人数。</p>',
    );
    const voters = await votersOf(tx, id);
    await queuePush(deps, tx, {
      template: 'electionResults',
      recipients: voters.map((v) => ({ userId: v.userId, communityId: election.communityId })),
      values: { title: election.title, publishedAt: deps.clock.now() },
      pageQuery: { id },
      event: { kind: 'election.results', id },
    });
  }, FAN_OUT_TRANSACTION);
  await invalidateNotices(deps, [election.communityId]);
  return getElectionForRunner(deps, userId, id);
}

export async function archiveElection(deps: Deps, userId: string, id: string) {
  await electionForRunner(deps, userId, id);
  await deps.db.$transaction(async (tx) => {
    await step(tx, id, 'RESULTS_PUBLISHED', 'ARCHIVED');
    await audit(tx, id, 'ARCHIVED', userId, deps.clock.now());
  });
  return getElectionForRunner(deps, userId, id);
}
