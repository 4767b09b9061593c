import { createHash, randomInt } from 'node:crypto';
import type { Election, Prisma } from '@prisma/client';
import type { Deps } from '../deps.js';
import { AppError, notFound } from '../errors.js';
import { MATTER_CHOICES } from './export-input.js';
import { electionForResident, slotsOf } from './voter-slots.js';

/** Receipt codes: 12 characters without look-alikes (no 0/O, 1/I), grouped in fours. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const newReceipt = () =>
  Array.from({ length: 3 }, () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')).join(
    '-',
  );
export const receiptHash = (electionId: string, code: string) =>
  createHash('sha256').update(`${electionId}:${code}`).digest('base64url');

export function checkChoices(election: Election, candidateIds: string[], choices: string[]) {
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

export async function candidateIds(deps: Deps, election: Election) {
  return (await deps.db.electionCandidate.findMany({ where: { electionId: election.id }, select: { id: true } })).map(
    (c) => c.id,
  );
}

export const isOpen = (e: Election, now: Date) => e.state === 'OPEN' && e.closesAt > now;

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
    await deps.hooks?.afterOpenCheck?.(id);
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
export async function lockOpen(tx: Prisma.TransactionClient, id: string, now: Date) {
  const [row] = await tx.$queryRaw<
    { state: string; closesAt: Date }[]
  >`SELECT "state", "closesAt" FROM "Election" WHERE "id" = ${id}::uuid FOR SHARE`;
  if (!row || row.state !== 'OPEN' || row.closesAt <= now)
    throw new AppError('ELECTION_NOT_OPEN', row?.state === 'OPEN' ? '投票已截止' : '投票未开始或已结束');
}
