import type { Prisma } from '@prisma/client';

/**
 * The kinds of audit event this module writes (docs/roles.md, Audit log). The import writes its own
 * (UNIT_AREA, UNIT_CHANGE, ROSTER_ADD, ROSTER_CHANGE, IMPORT_APPLIED; import/apply.ts).
 */
export const ROLE_AUDIT_KINDS = [
  'INVITATION_CREATED',
  'INVITATION_CONFIRMED',
  'INVITATION_REVOKED',
  'ROLE_GRANTED',
  'ROLE_REMOVED',
  'COMMITTEE_TERM_CONFIRMED',
  'COMMITTEE_TERM_ENDED',
  'COMMITTEE_TERM_REMINDER',
] as const;
export type RoleAuditKind = (typeof ROLE_AUDIT_KINDS)[number];

export type RoleAuditEvent = {
  companyId: string;
  communityId: string | null;
  /** null: the server command (`npm run admin`) */
  actorId: string | null;
  kind: RoleAuditKind;
  /** The person whose role it is, or the invitation (before anyone accepted it) */
  subjectId: string | null;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
  reason: string;
  at: Date;
};

/** One audit row, written in the transaction of the change it records: both or neither. */
export async function writeAudit(tx: Prisma.TransactionClient, e: RoleAuditEvent): Promise<void> {
  await tx.auditEvent.create({ data: e });
}
