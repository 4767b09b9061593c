import { z } from 'zod';
import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { staffRolesByCommunity } from '../access/scope.js';

export const ZRevealRequest = z
  .object({
    userId: z.uuid('用户 ID 格式不正确'),
    field: z.enum(['PHONE', 'NAME'], '只能查看手机号或姓名'),
    reason: z.string().trim().min(2, '请填写查看原因').max(200),
  })
  .strict();
export type RevealRequest = z.infer<typeof ZRevealRequest>;

/**
 * The full value of a masked field, for staff holding the reveal permission in a community where
 * the person has a unit. The audit row and the read happen in one transaction: no reveal without
 * its record (PIPL; domain.md §6).
 */
export async function revealPersonalInfo(deps: Deps, staffId: string, communityId: string, input: RevealRequest, requestId: string) {
  const roles = (await staffRolesByCommunity(deps.db, staffId)).get(communityId);
  if (!roles?.canRevealPii) throw notFound('住户');
  return deps.db.$transaction(async (tx) => {
    const subject = await tx.user.findFirst({
      where: { id: input.userId, memberships: { some: { unit: { communityId } } } },
      select: { name: true, phone: true },
    });
    if (!subject) throw notFound('住户');
    await tx.piiRevealAudit.create({
      data: { staffUserId: staffId, subjectId: input.userId, communityId, field: input.field, reason: input.reason, requestId },
    });
    return { field: input.field, value: input.field === 'PHONE' ? subject.phone : subject.name };
  });
}
