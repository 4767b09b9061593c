import type { ElectionState } from '@prisma/client';
import type { Deps } from '../deps.js';
import { AppError, notFound } from '../errors.js';
import { audit, electionForRunner } from './runner.js';
import { claimUploads } from '../uploads/claim-uploads.js';
import { normaliseImportedPhone } from '../privacy/phone.js';
import { maskPhone } from '../privacy/mask.js';
import { keyOfUnit, keySecret, successorPhones } from './roster.js';
import { unconfirmRoster } from './roster-review.js';

/**
 * SAME_OWNER: the owner of record with a new phone — casts the owner's key as it stands (all the units
 * of that owner). SUCCESSOR: the heir or buyer of this one unit — casts this unit alone.
 */
export type Admission = 'SAME_OWNER' | 'SUCCESSOR';

/**
 * The committee admits someone to cast a unit's slot who is not its owner of record on the frozen
 * roster, with a reason and evidence, audited (docs/domain.md §5, The roster). Never property staff:
 * electionForRunner is the committee only.
 *
 * An heir or buyer owns this unit, not the seller's other units (review finding 1): while the roster
 * is posted the unit gets a key of its own from the admitted phones and its owners of record no longer
 * vote it; once voting opened the keys are frozen, so a key that spans other units is refused (the
 * seller's other units would go with it). A developer-held unit has no owner to admit: the committee
 * corrects the roster during the notice period first.
 */
export async function admitVoter(
  deps: Deps,
  userId: string,
  id: string,
  input: { unitId: string; phone: string; kind: Admission; reason: string; evidenceUploadId: string },
) {
  const election = await electionForRunner(deps, userId, id);
  const phone = normaliseImportedPhone(input.phone);
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<
      { state: ElectionState }[]
    >`SELECT "state" FROM "Election" WHERE "id" = ${id}::uuid FOR UPDATE`;
    const state = locked!.state;
    if (state !== 'PUBLISHED' && state !== 'OPEN')
      throw new AppError('ELECTION_NOT_OPEN', '只能在公示或投票期间确认投票人');
    const entry = await tx.electionRosterEntry.findUnique({
      where: { electionId_unitId: { electionId: id, unitId: input.unitId } },
    });
    if (!entry) throw notFound('房屋');
    if (entry.developerHeld)
      throw new AppError(
        'DEVELOPER_HELD',
        state === 'PUBLISHED'
          ? '该房屋在名册上为开发商持有，请先更正名册（已交付的业主）再确认投票人'
          : '该房屋在名册上为开发商持有，投票开始后名册已冻结，不能再确认投票人',
      );
    const successor = input.kind === 'SUCCESSOR';
    if (successor && state === 'OPEN') {
      const others = await tx.electionRosterEntry.count({
        where: { electionId: id, ownerKey: entry.ownerKey, unitId: { not: input.unitId } },
      });
      if (others > 0)
        throw new AppError(
          'KEY_SPANS_UNITS',
          '原业主在名册上还有其他房屋，投票开始后不能再把这一户分出来；请在公示期内确认继承人或买受人',
        );
    }
    // While posted: the heir or buyer replaces the owners of record of this unit (and anyone admitted for them).
    if (successor && state === 'PUBLISHED')
      await tx.electionVoter.deleteMany({ where: { electionId: id, unitId: input.unitId, successor: false } });
    const voter = await tx.electionVoter.upsert({
      where: { electionId_unitId_phone: { electionId: id, unitId: input.unitId, phone } },
      create: {
        electionId: id,
        unitId: input.unitId,
        phone,
        admittedById: userId,
        successor,
        reason: input.reason,
        evidenceUploadId: input.evidenceUploadId,
        at: now,
      },
      update: {
        admittedById: userId,
        successor,
        reason: input.reason,
        evidenceUploadId: input.evidenceUploadId,
        at: now,
      },
    });
    if (successor && state === 'PUBLISHED') {
      const ownerKey = keyOfUnit(
        keySecret(deps, election),
        input.unitId,
        false,
        await successorPhones(tx, id, input.unitId),
      );
      await tx.electionRosterEntry.update({
        where: { electionId_unitId: { electionId: id, unitId: input.unitId } },
        data: { ownerKey },
      });
    }
    await unconfirmRoster(tx, id);
    await claimUploads(tx, {
      uploaderId: userId,
      ids: [input.evidenceUploadId],
      kind: 'electionVoterEvidence',
      recordId: voter.id,
      now,
    });
    await audit(
      tx,
      id,
      'VOTER_ADMITTED',
      userId,
      now,
      `${entry.unitLabel}：${maskPhone(phone)}（${successor ? '继承人或买受人' : '原业主换号'}）；${input.reason}；凭证 ${input.evidenceUploadId}`,
    );
    return { unit: entry.unitLabel, admitted: true, kind: input.kind };
  });
}
