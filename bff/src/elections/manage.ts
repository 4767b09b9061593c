import { createHmac } from 'node:crypto';
import type { Election, ElectionState, Prisma } from '@prisma/client';
import type { Deps } from '../deps.js';
import { AppError, notFound } from '../errors.js';
import { requireRole } from '../access/guards.js';
import { FAN_OUT_TRANSACTION, queuePush } from '../push/outbox.js';
import { pushNoticePublished } from '../notices/push.js';
import { invalidateNotices } from '../notices/cache.js';
import { claimUploads } from '../uploads/claim-uploads.js';
import { tally, DEVELOPER, type TallyInput, type TallyResult } from './tally.js';
import type { NewElection } from './schema.js';
import { beijingMinute } from '../beijing.js';

type Tx = Prisma.TransactionClient;

/** Those who run a vote: the committee (or the election group, given the same role). */
const RUNNERS = ['COMMITTEE_MEMBER'] as const;
export const YES = 'YES';
export const MATTER_CHOICES = ['YES', 'NO', 'ABSTAIN'] as const;

/**
 * An owner of record as a stable key: the same person (phone of record) has the same key on every
 * unit, never their phone itself — an HMAC no one can reverse without the server's secret.
 */
export function ownerKeyOf(deps: Deps, phone: string): string {
  return `o_${createHmac('sha256', `owner-key:${deps.config.wechat.secret}`).update(phone).digest('base64url').slice(0, 22)}`;
}

/** The election, if the caller runs votes in its community; otherwise it does not exist. */
export async function electionForRunner(deps: Deps, userId: string, id: string): Promise<Election> {
  const election = await deps.db.election.findUnique({ where: { id } });
  if (!election) throw notFound('投票');
  await requireRole(deps.db, userId, election.communityId, [...RUNNERS], '投票');
  return election;
}

async function audit(tx: Tx, electionId: string, action: string, actorId: string | null, at: Date, detail = '') {
  await tx.electionEvent.create({ data: { electionId, action, actorId, at, detail } });
}

/** Moves the state on by a conditional update: a step taken twice, or out of order, is refused. */
async function step(
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

/** A notice to the community (业委会公示), published at once and pushed, written in the step's transaction. */
async function announce(deps: Deps, tx: Tx, election: Election, authorId: string, title: string, bodyHtml: string) {
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
      status: 'PUBLISHED',
      publishedAt: now,
      createdAt: now,
      updatedAt: now,
      targets: { create: [{ communityId: election.communityId }] },
    },
    include: { targets: { select: { communityId: true } } },
  });
  await pushNoticePublished(deps, tx, notice);
}

const escape = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export async function createElection(deps: Deps, userId: string, communityId: string, input: NewElection) {
  await requireRole(deps.db, userId, communityId, [...RUNNERS], '小区');
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
        closesAt: new Date(input.closesAt),
        createdById: userId,
        createdAt: now,
      },
    });
    await audit(tx, election.id, 'CREATED', userId, now, input.title);
    return election;
  });
}

export async function addCandidate(
  deps: Deps,
  userId: string,
  id: string,
  input: Prisma.ElectionCandidateCreateWithoutElectionInput,
) {
  const election = await electionForRunner(deps, userId, id);
  if (election.kind !== 'ELECTION') throw new AppError('VALIDATION_FAILED', '表决事项没有候选人');
  return deps.db.$transaction(async (tx) => {
    // Candidates change only in a draft: the lock makes a concurrent "publish" wait for this.
    const [locked] = await tx.$queryRaw<
      { state: ElectionState }[]
    >`SELECT "state" FROM "Election" WHERE "id" = ${id}::uuid FOR UPDATE`;
    if (locked!.state !== 'DRAFT') throw new AppError('ALREADY_DECIDED', '候选人公示后不能再修改');
    const count = await tx.electionCandidate.count({ where: { electionId: id } });
    const candidate = await tx.electionCandidate.create({ data: { ...input, electionId: id, sortOrder: count } });
    if (input.photoUploadId)
      await claimUploads(tx, {
        uploaderId: userId,
        ids: [input.photoUploadId],
        kind: 'electionCandidate',
        recordId: candidate.id,
        now: deps.clock.now(),
      });
    await audit(tx, id, 'CANDIDATE_ADDED', userId, deps.clock.now(), input.name);
    return candidate;
  });
}

export async function removeCandidate(deps: Deps, userId: string, id: string, candidateId: string) {
  await electionForRunner(deps, userId, id);
  await deps.db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<
      { state: ElectionState }[]
    >`SELECT "state" FROM "Election" WHERE "id" = ${id}::uuid FOR UPDATE`;
    if (locked!.state !== 'DRAFT') throw new AppError('ALREADY_DECIDED', '候选人公示后不能再修改');
    const gone = await tx.electionCandidate.deleteMany({ where: { id: candidateId, electionId: id } });
    if (gone.count === 0) throw notFound('候选人');
    await audit(tx, id, 'CANDIDATE_REMOVED', userId, deps.clock.now(), candidateId);
  });
  return { id: candidateId, removed: true };
}

/**
 * The roster as it stands: every unit in scope with its exclusive area and source, its owner of record
 * as a key (the owner's phone on the roster; co-owners share the unit's slot), developer-held units
 * (not yet delivered) marked. Units without an owner on the roster get a key of their own.
 */
async function snapshotRoster(deps: Deps, tx: Tx, election: Election) {
  const units = await tx.unit.findMany({
    where: { communityId: election.communityId, ...(election.buildingId ? { buildingId: election.buildingId } : {}) },
    select: {
      id: true,
      number: true,
      exclusiveArea: true,
      areaSource: true,
      deliveredAt: true,
      building: { select: { name: true } },
      roster: { where: { relation: 'OWNER' }, select: { phone: true }, orderBy: { phone: 'asc' }, take: 1 },
    },
  });
  const rows = units.map((u) => {
    const developerHeld = u.deliveredAt === null;
    const phone = u.roster[0]?.phone;
    return {
      electionId: election.id,
      unitId: u.id,
      unitLabel: `${u.building.name} ${u.number}`,
      area: u.exclusiveArea,
      areaSource: u.areaSource,
      ownerKey: developerHeld ? DEVELOPER : phone ? ownerKeyOf(deps, phone) : `u_${u.id}`,
      developerHeld,
    };
  });
  await tx.electionRosterEntry.createMany({ data: rows });
  return rows.length;
}

/** Draft → published: candidates and roster posted for the notice period (roster corrections allowed until opening). */
export async function publishElection(deps: Deps, userId: string, id: string) {
  const election = await electionForRunner(deps, userId, id);
  const candidates = await deps.db.electionCandidate.findMany({
    where: { electionId: id },
    orderBy: { sortOrder: 'asc' },
  });
  if (election.kind === 'ELECTION' && candidates.length < election.seats)
    throw new AppError('VALIDATION_FAILED', `候选人不少于 ${election.seats} 名（应选人数）才能公示`);
  const now = deps.clock.now();
  await deps.db.$transaction(async (tx) => {
    await step(tx, id, 'DRAFT', 'PUBLISHED');
    const units = await snapshotRoster(deps, tx, election);
    if (units === 0) throw new AppError('VALIDATION_FAILED', '范围内没有房屋，无法投票');
    await audit(tx, id, 'PUBLISHED', userId, now, `${units} 户`);
    const list =
      election.kind === 'ELECTION'
        ? `<p>候选人：</p><ul>${candidates.map((c) => `<li>${escape(c.name)}，${escape(c.sex)}，${c.age}岁，${escape(c.affiliation)}，${escape(c.occupation)}</li>`).join('')}</ul>`
        : '';
    await announce(
      deps,
      tx,
      election,
      userId,
      `【公示】${election.title}`,
      `<p>${escape(election.description)}</p>${list}<p>投票截止：${beijingMinute(election.closesAt)}。业主名册已公示，如有异议请联系业委会。</p>`,
    );
  }, FAN_OUT_TRANSACTION);
  await invalidateNotices(deps, [election.communityId]);
  return getElectionForRunner(deps, userId, id);
}

/** A correction of one unit in the posted roster (area, its source, developer-held), audited; refused once voting opened. */
export async function correctRosterEntry(
  deps: Deps,
  userId: string,
  id: string,
  unitId: string,
  input: { area: string; areaSource: 'REGISTERED' | 'SURVEYED' | 'CONTRACT'; developerHeld: boolean; reason: string },
) {
  await electionForRunner(deps, userId, id);
  await deps.db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<
      { state: ElectionState }[]
    >`SELECT "state" FROM "Election" WHERE "id" = ${id}::uuid FOR UPDATE`;
    if (locked!.state !== 'PUBLISHED')
      throw new AppError(
        'ALREADY_DECIDED',
        locked!.state === 'DRAFT' ? '公示后才有业主名册' : '投票开始后名册已冻结，不能再修改',
      );
    const entry = await tx.electionRosterEntry.findUnique({ where: { electionId_unitId: { electionId: id, unitId } } });
    if (!entry) throw notFound('房屋');
    const ownerKey = input.developerHeld ? DEVELOPER : entry.developerHeld ? `u_${unitId}` : entry.ownerKey;
    await tx.electionRosterEntry.update({
      where: { electionId_unitId: { electionId: id, unitId } },
      data: { area: input.area, areaSource: input.areaSource, developerHeld: input.developerHeld, ownerKey },
    });
    await audit(
      tx,
      id,
      'ROSTER_CORRECTED',
      userId,
      deps.clock.now(),
      `${entry.unitLabel}: ${entry.area.toString()}㎡ ${entry.areaSource} → ${input.area}㎡ ${input.areaSource}${input.developerHeld !== entry.developerHeld ? `，开发商持有 ${input.developerHeld ? '是' : '否'}` : ''}；${input.reason}`,
    );
  });
  return { unitId, corrected: true };
}

/**
 * Records that the ballots of these units were delivered to their owners (送达) — what the two clauses
 * of the rules of procedure need before a silent owner may be counted. Audited; until the vote closes.
 */
export async function recordDeliveries(deps: Deps, userId: string, id: string, unitIds: string[]) {
  const election = await electionForRunner(deps, userId, id);
  if (election.state !== 'PUBLISHED' && election.state !== 'OPEN')
    throw new AppError('ELECTION_NOT_OPEN', '只能在公示或投票期间登记送达');
  const marked = await deps.db.$transaction(async (tx) => {
    const { count } = await tx.electionRosterEntry.updateMany({
      where: { electionId: id, unitId: { in: unitIds } },
      data: { delivered: true },
    });
    await audit(tx, id, 'DELIVERED', userId, deps.clock.now(), `${count} 户选票已送达`);
    return count;
  });
  return { delivered: marked };
}

/** Published → open: the roster and the rules are frozen; owners are told (notice and push). */
export async function openElection(deps: Deps, userId: string, id: string) {
  const election = await electionForRunner(deps, userId, id);
  const now = deps.clock.now();
  if (election.closesAt <= now) throw new AppError('VALIDATION_FAILED', '截止时间已过，请新建投票');
  await deps.db.$transaction(async (tx) => {
    await step(tx, id, 'PUBLISHED', 'OPEN', { openedAt: now });
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
    const voters = await tx.unitMembership.findMany({
      where: {
        status: 'VERIFIED',
        relation: { in: ['OWNER', 'CO_OWNER'] },
        unit: {
          communityId: election.communityId,
          ...(election.buildingId ? { buildingId: election.buildingId } : {}),
        },
      },
      select: { userId: true },
    });
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

export async function closeElection(deps: Deps, userId: string, id: string) {
  const election = await electionForRunner(deps, userId, id);
  const now = deps.clock.now();
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

/** The election as the count sees it (and as anyone can re-run it): the export format of the README. */
export async function exportInput(
  db: Deps['db'] | Tx,
  election: Election,
): Promise<TallyInput & { election: object; matter?: object }> {
  const roster = await db.electionRosterEntry.findMany({
    where: { electionId: election.id },
    orderBy: { unitLabel: 'asc' },
  });
  const ballots = await db.ballot.findMany({
    where: { electionId: election.id },
    orderBy: { ownerKey: 'asc' },
    select: { ownerKey: true, choices: true },
  });
  const candidates =
    election.kind === 'MATTER'
      ? [YES]
      : (
          await db.electionCandidate.findMany({
            where: { electionId: election.id },
            orderBy: { sortOrder: 'asc' },
            select: { id: true },
          })
        ).map((c) => c.id);
  return {
    election: { id: election.id, title: election.title, kind: election.kind, state: election.state },
    seats: election.seats,
    class: election.class === 'SPECIAL' ? 'special' : 'ordinary',
    candidates,
    roster: roster.map((r) => ({
      unit: r.unitLabel,
      area: r.area.toFixed(2),
      owner: r.ownerKey,
      developerHeld: r.developerHeld,
      areaSource: r.areaSource,
      ...(r.delivered ? { delivered: true } : {}),
    })),
    // A matter's "yes" is the one candidate; "no" and "abstain" take part without choosing it.
    ballots: ballots.map((b) => ({
      owner: b.ownerKey,
      choices: election.kind === 'MATTER' ? b.choices.filter((c) => c === YES) : b.choices,
    })),
    ...(election.deliveredCounts || election.silenceFollows
      ? { rules: { deliveredCounts: election.deliveredCounts, silenceFollows: election.silenceFollows } }
      : {}),
    ...(election.kind === 'MATTER'
      ? { matter: Object.fromEntries(MATTER_CHOICES.map((c) => [c, ballots.filter((b) => b.choices[0] === c).length])) }
      : {}),
  };
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

/** Turnout while open: participating area and heads against the totals and the 2/3 lines (exact, as the count does it). */
export async function turnout(deps: Deps, election: Election) {
  const input = await exportInput(deps.db, election);
  const r = tally(input);
  return {
    totalArea: r.totalArea,
    totalHeads: r.totalHeads,
    participatingArea: r.participatingArea,
    participatingHeads: r.participatingHeads,
    quorum: r.quorum,
    ballots: input.ballots.length,
  };
}

export async function getElectionForRunner(deps: Deps, userId: string, id: string) {
  const election = await electionForRunner(deps, userId, id);
  const [candidates, events, rosterCount] = await Promise.all([
    deps.db.electionCandidate.findMany({ where: { electionId: id }, orderBy: { sortOrder: 'asc' } }),
    deps.db.electionEvent.findMany({
      where: { electionId: id },
      orderBy: { at: 'asc' },
      select: { action: true, detail: true, at: true },
    }),
    deps.db.electionRosterEntry.count({ where: { electionId: id } }),
  ]);
  return {
    ...shapeElection(election),
    candidates: candidates.map(shapeCandidate),
    rosterUnits: rosterCount,
    turnout:
      rosterCount > 0 && (election.state === 'OPEN' || election.state === 'CLOSED')
        ? await turnout(deps, election)
        : null,
    events: events.map((e) => ({ ...e, at: e.at.toISOString() })),
  };
}

export function shapeElection(e: Election) {
  return {
    id: e.id,
    communityId: e.communityId,
    buildingId: e.buildingId,
    title: e.title,
    description: e.description,
    kind: e.kind,
    class: e.class,
    seats: e.seats,
    state: e.state,
    rules: { allowChange: e.allowChange, deliveredCounts: e.deliveredCounts, silenceFollows: e.silenceFollows },
    closesAt: e.closesAt.toISOString(),
    openedAt: e.openedAt?.toISOString() ?? null,
    closedAt: e.closedAt?.toISOString() ?? null,
    result: (e.result as TallyResult | null) ?? null,
  };
}

export const shapeCandidate = (c: {
  id: string;
  name: string;
  statement: string;
  photoUploadId: string | null;
  sex: string;
  age: number | null;
  affiliation: string;
  occupation: string;
}) => ({
  id: c.id,
  name: c.name,
  statement: c.statement,
  photoUploadId: c.photoUploadId,
  sex: c.sex,
  age: c.age,
  affiliation: c.affiliation,
  occupation: c.occupation,
});

export async function listCommunityElections(deps: Deps, userId: string, communityId: string) {
  await requireRole(deps.db, userId, communityId, [...RUNNERS], '小区');
  const rows = await deps.db.election.findMany({ where: { communityId }, orderBy: { createdAt: 'desc' }, take: 50 });
  return { items: rows.map(shapeElection) };
}
