import type { Prisma } from '@prisma/client';
import { writeAudit } from '../roles/audit-write.js';

type Place = { companyId: string; communityId: string };

/**
 * Makes exactly `members` hold COMMITTEE_MEMBER at the community, in the caller's transaction, with an
 * audit row per role granted or removed. Roles are read per request (docs/roles.md, Removing a role),
 * so a removed member's next request is refused; the caller ends their desk sessions after commit.
 * Returns who lost the role.
 */
export async function setCommitteeRoles(
  tx: Prisma.TransactionClient,
  at: Place,
  members: { userId: string; office: string }[],
  by: { actorId: string | null; reason: string; termId: string; now: Date },
): Promise<string[]> {
  const held = await tx.staffRole.findMany({
    where: { ...at, role: 'COMMITTEE_MEMBER' },
    select: { id: true, userId: true, createdAt: true },
  });
  const keep = new Set(members.map((m) => m.userId));
  const gone = held.filter((r) => !keep.has(r.userId));
  if (gone.length) await tx.staffRole.deleteMany({ where: { id: { in: gone.map((r) => r.id) } } });
  for (const r of gone)
    await writeAudit(tx, {
      ...at,
      actorId: by.actorId,
      kind: 'ROLE_REMOVED',
      subjectId: r.userId,
      before: { role: 'COMMITTEE_MEMBER', since: r.createdAt.toISOString() },
      after: { termId: by.termId },
      reason: by.reason,
      at: by.now,
    });
  const holders = new Set(held.map((r) => r.userId));
  for (const m of members.filter((x) => !holders.has(x.userId))) {
    await tx.staffRole.create({ data: { ...at, userId: m.userId, role: 'COMMITTEE_MEMBER', createdAt: by.now } });
    await writeAudit(tx, {
      ...at,
      actorId: by.actorId,
      kind: 'ROLE_GRANTED',
      subjectId: m.userId,
      after: { role: 'COMMITTEE_MEMBER', office: m.office, termId: by.termId },
      reason: by.reason,
      at: by.now,
    });
  }
  return gone.map((r) => r.userId);
}
