import type { Prisma } from '@prisma/client';
import type { Deps } from '../deps.js';
import { AppError, isUniqueViolation, notFound } from '../errors.js';
import { DEVELOPER } from './tally.js';
import { claimUploads } from '../uploads/claim-uploads.js';
import { audit, electionForRunner } from './runner.js';
import { candidateIds, checkChoices, isOpen, lockOpen, newReceipt, receiptHash } from './vote.js';

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
      await audit(
        tx,
        id,
        input.channel === 'PAPER' ? 'PAPER_BALLOT' : 'PROXY_BALLOT',
        userId,
        now,
        `${entry.unitLabel}${entry.ownerKey === DEVELOPER ? '（开发商）' : ''}，凭证 ${input.evidenceUploadId}`,
      );
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('ALREADY_VOTED', '该房屋的业主已投票（线上、纸质或委托只能一次）');
    throw err;
  }
  return { receipt: code, unit: entry.unitLabel };
}
