import { createHash, randomInt } from 'node:crypto';
import type { Election, Prisma } from '@prisma/client';
import type { Deps } from '../deps.js';
import { AppError, isUniqueViolation, notFound } from '../errors.js';
import { FAN_OUT_TRANSACTION, queuePush } from '../push/outbox.js';
import { REMINDER_COOL_DOWN_DAYS } from '../fees/reminders.js';
import { DEVELOPER } from './tally.js';
import { claimUploads } from '../uploads/claim-uploads.js';
import { MATTER_CHOICES } from './export-input.js';
import { electionForRunner } from './runner.js';
import { shapeCandidatesForResidents, shapeElection } from './view.js';

/** Receipt codes: 12 characters without look-alikes (no 0/O, 1/I), grouped in fours. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const newReceipt = () =>
  Array.from({ length: 3 }, () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')).join(
    '-',
  );
const receiptHash = (electionId: string, code: string) =>
  createHash('sha256').update(`${electionId}:${code}`).digest('base64url');

/**
 * The owner slots (keys) the caller may cast in this election: the units whose frozen voters include
 * their verified phone — an owner of record, or someone the committee admitted (docs/domain.md §5,
 * The roster). Memberships, which property staff approve, play no part.
 */
async function slotsOf(
  deps: Deps,
  userId: string,
  electionId: string,
): Promise<{ ownerKey: string; units: string[] }[]> {
  const rows = await deps.db.$queryRaw<{ ownerKey: string; unitLabel: string }[]>`
    SELECT DISTINCT r."ownerKey", r."unitLabel" FROM "ElectionRosterEntry" r
      JOIN "ElectionVoter" v ON v."electionId" = r."electionId" AND v."unitId" = r."unitId"
      JOIN "User" u ON u."phone" = v."phone"
     WHERE r."electionId" = ${electionId}::uuid AND u."id" = ${userId}::uuid
     ORDER BY r."unitLabel"`;
  const byKey = new Map<string, string[]>();
  for (const r of rows) byKey.set(r.ownerKey, [...(byKey.get(r.ownerKey) ?? []), r.unitLabel]);
  return [...byKey].map(([ownerKey, units]) => ({ ownerKey, units }));
}

/**
 * An election the caller may see as a resident: of a community where they are a verified member, or
 * one they may vote in; published or later. Another community's is "not found".
 */
async function electionForResident(deps: Deps, userId: string, id: string): Promise<Election> {
  const election = await deps.db.election.findUnique({ where: { id } });
  if (!election || election.state === 'DRAFT') throw notFound('投票');
  const member = await deps.db.unitMembership.count({
    where: { userId, status: 'VERIFIED', unit: { communityId: election.communityId } },
  });
  if (member === 0 && (await slotsOf(deps, userId, id)).length === 0) throw notFound('投票');
  return election;
}

/**
 * The votes of the resident's communities, newest first. Not paged (no keyset()): a community holds a
 * few votes a year and archived ones are left out, so 30 reach back years.
 */
export async function listResidentElections(deps: Deps, userId: string) {
  const communities = await deps.db.unitMembership.findMany({
    where: { userId, status: 'VERIFIED' },
    select: { unit: { select: { communityId: true } } },
  });
  const rows = await deps.db.election.findMany({
    where: {
      communityId: { in: [...new Set(communities.map((c) => c.unit.communityId))] },
      state: { notIn: ['DRAFT', 'ARCHIVED'] },
    },
    orderBy: { createdAt: 'desc' },
    take: 30,
  });
  // Voted: a ballot stands for one of the caller's owner slots (cast by them, a co-owner or on paper).
  const mine = await deps.db.$queryRaw<{ electionId: string }[]>`
    SELECT DISTINCT b."electionId" FROM "Ballot" b
      JOIN "ElectionRosterEntry" r ON r."electionId" = b."electionId" AND r."ownerKey" = b."ownerKey"
      JOIN "ElectionVoter" v ON v."electionId" = r."electionId" AND v."unitId" = r."unitId"
      JOIN "User" u ON u."phone" = v."phone"
     WHERE b."electionId" = ANY(${rows.map((r) => r.id)}::uuid[]) AND u."id" = ${userId}::uuid`;
  const voted = new Set(mine.map((b) => b.electionId));
  return { items: rows.map((e) => ({ ...shapeElection(e), result: null, voted: voted.has(e.id) })) };
}

/** What a resident sees: the vote, the candidates, their slots and whether each has voted; the result once published. */
export async function residentElection(deps: Deps, userId: string, id: string) {
  const election = await electionForResident(deps, userId, id);
  const [candidates, slots] = await Promise.all([
    deps.db.electionCandidate.findMany({ where: { electionId: id }, orderBy: { sortOrder: 'asc' } }),
    slotsOf(deps, userId, id),
  ]);
  const ballots = await deps.db.ballot.findMany({
    where: { electionId: id, ownerKey: { in: slots.map((s) => s.ownerKey) } },
    select: { ownerKey: true, channel: true, castAt: true, changedAt: true, userId: true },
  });
  const published = election.state === 'RESULTS_PUBLISHED' || election.state === 'ARCHIVED';
  return {
    ...shapeElection(election),
    result: published ? shapeElection(election).result : null,
    candidates: await shapeCandidatesForResidents(deps, candidates),
    choices: election.kind === 'MATTER' ? [...MATTER_CHOICES] : null,
    slots: slots.map((s) => {
      const b = ballots.find((x) => x.ownerKey === s.ownerKey);
      // A co-owner sees the slot as cast; who cast it and how is theirs to know only if it was them.
      return {
        ownerKey: s.ownerKey,
        units: s.units,
        voted: !!b,
        byMe: b?.userId === userId,
        channel: b?.channel ?? null,
        changed: !!b?.changedAt,
        castAt: b?.castAt.toISOString() ?? null,
      };
    }),
  };
}

function checkChoices(election: Election, candidateIds: string[], choices: string[]) {
  if (new Set(choices).size !== choices.length) throw new AppError('VALIDATION_FAILED', '同一候选人只能选一次');
  if (election.kind === 'MATTER') {
    if (choices.length !== 1 || !(MATTER_CHOICES as readonly string[]).includes(choices[0]!))
      throw new AppError('VALIDATION_FAILED', '请选择同意、反对或弃权');
    return;
  }
  if (choices.length > election.seats) throw new AppError('VALIDATION_FAILED', `最多选 ${election.seats} 人`);
  for (const c of choices)
    if (!candidateIds.includes(c)) throw new AppError('VALIDATION_FAILED', '选择的候选人不在名单中');
}

async function candidateIds(deps: Deps, election: Election) {
  return (await deps.db.electionCandidate.findMany({ where: { electionId: election.id }, select: { id: true } })).map(
    (c) => c.id,
  );
}

const isOpen = (e: Election, now: Date) => e.state === 'OPEN' && e.closesAt > now;

/**
 * One ballot per owner slot, enforced by the database (unique election + owner key): a second
 * submission — concurrent, from a co-owner, or after a paper ballot — is "already voted", never a
 * second row. The receipt code is shown once; only its hash is kept.
 */
export async function castBallot(
  deps: Deps,
  userId: string,
  id: string,
  input: { choices: string[]; ownerKey?: string },
) {
  // The hot path (every owner, at once when a vote opens): three statements — the election with its
  // candidates, the caller's slots, the insert.
  const election = await deps.db.election.findUnique({
    where: { id },
    include: { candidates: { select: { id: true } } },
  });
  if (!election || election.state === 'DRAFT') throw notFound('投票');
  const slots = await slotsOf(deps, userId, id);
  if (slots.length === 0) {
    await electionForResident(deps, userId, id); // not of their community: "not found"
    throw new AppError('NOT_AN_OWNER', '只有业主名册上的业主可以投票（请先绑定房屋并通过核验）');
  }
  const now = deps.clock.now();
  if (!isOpen(election, now))
    throw new AppError('ELECTION_NOT_OPEN', election.state === 'OPEN' ? '投票已截止' : '投票未开始或已结束');
  const slot = input.ownerKey
    ? slots.find((s) => s.ownerKey === input.ownerKey)
    : slots.length === 1
      ? slots[0]
      : undefined;
  if (!slot)
    throw new AppError(
      'VALIDATION_FAILED',
      input.ownerKey ? '选择的房屋不在您的业主名册中' : '您有多处房屋，请选择以哪处房屋投票',
    );
  checkChoices(
    election,
    election.candidates.map((c) => c.id),
    input.choices,
  );
  const code = newReceipt();
  // Close and cast serialise on the election: each cast holds a share lock on its row until it commits,
  // and "close" (an update of that row) waits for them — the closing count is the count. A cast behind
  // a close reads it closed.
  return deps.db.$transaction(async (tx) => {
    await lockOpen(tx, id, now);
    const inserted = await tx.ballot.createMany({
      data: [
        {
          electionId: id,
          ownerKey: slot.ownerKey,
          channel: 'ONLINE',
          choices: input.choices,
          receiptHash: receiptHash(id, code),
          userId,
          castAt: now,
        },
      ],
      skipDuplicates: true,
    });
    if (inserted.count === 1) return { receipt: code, changed: false };
    // The slot has a ballot: changing it once before the close, if the rules allow, and only one's own online ballot.
    const existing = await tx.ballot.findUnique({
      where: { electionId_ownerKey: { electionId: id, ownerKey: slot.ownerKey } },
      select: { id: true, userId: true, channel: true },
    });
    if (!election.allowChange || !existing || existing.userId !== userId || existing.channel !== 'ONLINE')
      throw new AppError('ALREADY_VOTED', '已投票（同一房屋只能投一次）');
    const changed = await tx.ballot.updateMany({
      where: { id: existing.id, changedAt: null },
      data: { choices: input.choices, changedAt: now, receiptHash: receiptHash(id, code) },
    });
    if (changed.count === 0) throw new AppError('ALREADY_VOTED', '已改过一次票，不能再改');
    return { receipt: code, changed: true };
  });
}

/** The election's row under a share lock, still open: casts go on side by side, "close" waits for them. */
async function lockOpen(tx: Prisma.TransactionClient, id: string, now: Date) {
  const [row] = await tx.$queryRaw<
    { state: string; closesAt: Date }[]
  >`SELECT "state", "closesAt" FROM "Election" WHERE "id" = ${id}::uuid FOR SHARE`;
  if (!row || row.state !== 'OPEN' || row.closesAt <= now)
    throw new AppError('ELECTION_NOT_OPEN', row?.state === 'OPEN' ? '投票已截止' : '投票未开始或已结束');
}

/** Anyone holding a receipt can check it was counted — the answer never says how. */
export async function checkReceipt(deps: Deps, userId: string, id: string, code: string) {
  await electionForResident(deps, userId, id);
  const found = await deps.db.ballot.findUnique({
    where: { electionId_receiptHash: { electionId: id, receiptHash: receiptHash(id, code) } },
    select: { castAt: true },
  });
  return { counted: !!found, castAt: found?.castAt.toISOString() ?? null };
}

/**
 * A paper ballot (photo of the signed paper) or a proxy ballot (the written authorisation, with the
 * owner's stated choice per item) entered by a committee member for an owner who has not voted; the
 * same one-per-slot rule holds across channels. Audited.
 */
export async function enterPaperBallot(
  deps: Deps,
  userId: string,
  id: string,
  input: { unitId: string; channel: 'PAPER' | 'PROXY'; choices: string[]; evidenceUploadId: string },
) {
  const election = await electionForRunner(deps, userId, id);
  const now = deps.clock.now();
  if (!isOpen(election, now)) throw new AppError('ELECTION_NOT_OPEN', '投票未开始或已结束');
  const entry = await deps.db.electionRosterEntry.findUnique({
    where: { electionId_unitId: { electionId: id, unitId: input.unitId } },
  });
  if (!entry) throw notFound('房屋');
  checkChoices(election, await candidateIds(deps, election), input.choices);
  const code = newReceipt();
  try {
    await deps.db.$transaction(async (tx: Prisma.TransactionClient) => {
      await lockOpen(tx, id, now);
      const ballot = await tx.ballot.create({
        data: {
          electionId: id,
          ownerKey: entry.ownerKey,
          channel: input.channel,
          choices: input.choices,
          receiptHash: receiptHash(id, code),
          enteredById: userId,
          evidenceUploadId: input.evidenceUploadId,
          castAt: now,
        },
      });
      // Each paper is its own evidence: a photo already used for another ballot is refused.
      await claimUploads(tx, {
        uploaderId: userId,
        ids: [input.evidenceUploadId],
        kind: 'ballotEvidence',
        recordId: ballot.id,
        now,
      });
      await tx.electionEvent.create({
        data: {
          electionId: id,
          action: input.channel === 'PAPER' ? 'PAPER_BALLOT' : 'PROXY_BALLOT',
          actorId: userId,
          at: now,
          detail: `${entry.unitLabel}${entry.ownerKey === DEVELOPER ? '（开发商）' : ''}，凭证 ${input.evidenceUploadId}`,
        },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('ALREADY_VOTED', '该房屋的业主已投票（线上、纸质或委托只能一次）');
    throw err;
  }
  return { receipt: code, unit: entry.unitLabel };
}

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
    // reminder of an election at a time, so two taps cannot both pass the check.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`election-remind:${id}`}))`;
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
