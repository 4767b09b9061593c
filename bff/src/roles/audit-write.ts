import type { Prisma } from '@prisma/client';
import type pg from 'pg';

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

/** Money, vote steps and reveals, each copied here from its own record (docs/roles.md, Audit log). */
export const COMMUNITY_AUDIT_KINDS = [
  'REFUND_REQUESTED',
  'REFUND_DONE',
  'REFUND_TO_MERCHANT',
  'BILL_WAIVED',
  'BILLING_RUN',
  'BILLING_RUN_UNDONE',
  'COUNTER_PAYMENT',
  'COUNTER_VOID_APPROVED',
  'COUNTER_VOID_REJECTED',
  'ELECTION_CREATED',
  'ELECTION_PUBLISHED',
  'ELECTION_ROSTER_CONFIRMED',
  'ELECTION_OPENED',
  'ELECTION_CLOSED',
  'ELECTION_TALLIED',
  'ELECTION_RESULTS_PUBLISHED',
  'ELECTION_PAPER_BALLOT',
  'ELECTION_PROXY_BALLOT',
  'PII_REVEALED',
] as const;
export type CommunityAuditKind = (typeof COMMUNITY_AUDIT_KINDS)[number];

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

/** A change inside one community: the company is the community's, read in the same transaction. */
export type CommunityAuditEvent = Omit<RoleAuditEvent, 'companyId' | 'communityId' | 'kind'> & {
  communityId: string;
  kind: CommunityAuditKind;
};

/** One audit row, written in the transaction of the change it records: both or neither. */
export async function writeAudit(tx: Prisma.TransactionClient, e: RoleAuditEvent): Promise<void> {
  await tx.auditEvent.create({ data: e });
}

/** writeAudit for a change in a community (money, vote steps, reveals): both or neither. */
export async function writeCommunityAudit(tx: Prisma.TransactionClient, e: CommunityAuditEvent): Promise<void> {
  const { companyId } = await tx.community.findUniqueOrThrow({
    where: { id: e.communityId },
    select: { companyId: true },
  });
  await tx.auditEvent.create({ data: { ...e, companyId } });
}

/** The same on a transaction held by a pg connection of its own (billing runs: their bills travel by COPY). */
export async function writeCommunityAuditSql(client: pg.ClientBase, e: CommunityAuditEvent): Promise<void> {
  const json = (v: Prisma.InputJsonValue | undefined) => (v === undefined ? null : JSON.stringify(v));
  await client.query(
    `INSERT INTO "AuditEvent" (id, "companyId", "communityId", "actorId", kind, "subjectId", before, after, reason, at)
     SELECT gen_random_uuid(), c."companyId", c.id, $2::uuid, $3, $4::uuid, $5::jsonb, $6::jsonb, $7, $8::timestamp FROM "Community" c WHERE c.id = $1::uuid`,
    [e.communityId, e.actorId, e.kind, e.subjectId, json(e.before), json(e.after), e.reason, e.at.toISOString()],
  );
}
