import { z } from 'zod';
import type { RevealBasis } from '@prisma/client';
import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { staffRolesByCommunity } from '../access/scope.js';
import { ZId, ZText } from '../http/params.js';
import { writeCommunityAudit } from '../roles/audit-write.js';

export const ZRevealRequest = z
  .object({
    userId: ZId,
    field: z.enum(['PHONE', 'NAME'], '只能查看手机号或姓名'),
    reason: ZText({ min: 2, max: 200, label: '查看原因' }),
  })
  .strict();
export type RevealRequest = z.infer<typeof ZRevealRequest>;

export type RequestIds = { requestId: string; clientRequestId: string | null };

/**
 * The full value of a masked field, for staff holding the reveal permission in the community, and
 * only of people the office has a reason to contact: verified members of a unit there, or — while
 * their request waits in this office's queue — a requester. A rejected or withdrawn requester is a
 * stranger again. The audit row (with the basis) and the read happen in one transaction: no reveal
 * without its record (PIPL; docs/domain.md §6).
 */
export async function revealPersonalInfo(
  deps: Deps,
  staffId: string,
  communityId: string,
  input: RevealRequest,
  ids: RequestIds,
) {
  const roles = (await staffRolesByCommunity(deps.db, staffId)).get(communityId);
  if (!roles?.canRevealPii) throw notFound('住户');
  return deps.db.$transaction(async (tx) => {
    const subject = await tx.user.findUnique({
      where: { id: input.userId },
      select: {
        name: true,
        phone: true,
        memberships: {
          where: { unit: { communityId }, status: { in: ['VERIFIED', 'PENDING'] } },
          select: { status: true },
        },
      },
    });
    if (!subject || subject.memberships.length === 0) throw notFound('住户');
    const basis: RevealBasis = subject.memberships.some((m) => m.status === 'VERIFIED')
      ? 'VERIFIED_MEMBER'
      : 'PENDING_REQUESTER';
    await tx.piiRevealAudit.create({
      data: {
        staffUserId: staffId,
        subjectId: input.userId,
        communityId,
        field: input.field,
        reason: input.reason,
        basis,
        ...ids,
      },
    });
    // Also in the company's audit log (docs/roles.md, Audit log): never the value, only what was shown.
    await writeCommunityAudit(tx, {
      communityId,
      actorId: staffId,
      kind: 'PII_REVEALED',
      subjectId: input.userId,
      after: { field: input.field, basis },
      reason: input.reason,
      at: deps.clock.now(),
    });
    return { field: input.field, value: input.field === 'PHONE' ? subject.phone : subject.name, basis };
  });
}
