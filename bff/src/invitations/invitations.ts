import { createHash, randomInt } from 'node:crypto';
import type { StaffRoleKind } from '@prisma/client';
import type { Deps } from '../deps.js';
import { AppError, notFound } from '../errors.js';
import { miniProgramCode } from '../wechat/mini-code.js';
import { writeAudit } from '../roles/audit-write.js';
import { maskPhone } from '../privacy/mask.js';

/** The page an invitation's code opens in the mini-program; `scene` is the token. */
export const INVITATION_PAGE = 'packages/staff/invitation/index';
/** An invitation made on the server (`npm run admin`) lasts a week: long enough to reach the person. */
export const INVITATION_DAYS = 7;

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** 32 base-62 characters (≈ 190 bits): exactly what fits WeChat's 32-character `scene`. */
export const INVITATION_TOKEN = /^[0-9A-Za-z]{32}$/;
const newToken = () => Array.from({ length: 32 }, () => BASE62[randomInt(62)]).join('');
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

export const ROLE_NAMES: Record<StaffRoleKind, string> = {
  MANAGER: '小区经理',
  TECHNICIAN: '维修工',
  CASHIER: '收银员',
  COMMITTEE_MEMBER: '业委会委员',
  COMPANY_ADMIN: '物业公司管理员',
};

export type NewInvitation = {
  companyId: string;
  communityId: string | null;
  role: StaffRoleKind;
  phone: string;
  createdById: string | null;
};

/** Stores only the token's hash; the token itself is returned once, to be shown as a code and a link. */
export async function createInvitation(deps: Deps, input: NewInvitation) {
  const token = newToken();
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
  const row = await deps.db.$transaction(async (tx) => {
    const created = await tx.invitation.create({
      data: { ...input, tokenHash: hashOf(token), createdAt: now, expiresAt },
    });
    await writeAudit(tx, {
      companyId: input.companyId,
      communityId: input.communityId,
      actorId: input.createdById,
      kind: 'INVITATION_CREATED',
      subjectId: created.id,
      after: { role: input.role, phone: maskPhone(input.phone), expiresAt: expiresAt.toISOString() },
      reason: input.createdById ? '邀请' : '服务器命令 npm run admin',
      at: now,
    });
    return created;
  });
  return { id: row.id, token, expiresAt };
}

/** The mini-program code (image) and the H5 link that open the invitation page with the token. */
export async function invitationEntry(deps: Deps, token: string) {
  const link = `${deps.config.publicBaseUrl}/#/${INVITATION_PAGE}?scene=${token}`;
  const code = await miniProgramCode(deps, token, INVITATION_PAGE);
  return { link, code };
}

/**
 * The invitation the caller may see: found by its token, addressed to the phone number their WeChat
 * verified. Anyone else — no phone yet, another number — finds nothing (docs/conventions.md rule 4).
 */
async function ownInvitation(deps: Deps, userId: string, token: string) {
  const [invitation, user] = await Promise.all([
    deps.db.invitation.findUnique({ where: { tokenHash: hashOf(token) } }),
    deps.db.user.findUniqueOrThrow({ where: { id: userId }, select: { phone: true } }),
  ]);
  if (!invitation || !user.phone || invitation.phone !== user.phone) throw notFound('邀请');
  return invitation;
}

/** Who invites the caller to what: shown before they accept. */
export async function previewInvitation(deps: Deps, userId: string, token: string) {
  const inv = await ownInvitation(deps, userId, token);
  const [company, community] = await Promise.all([
    deps.db.propertyCompany.findUniqueOrThrow({ where: { id: inv.companyId }, select: { name: true } }),
    inv.communityId
      ? deps.db.community.findUniqueOrThrow({ where: { id: inv.communityId }, select: { name: true } })
      : null,
  ]);
  return {
    company: company.name,
    community: community?.name ?? null,
    role: inv.role,
    roleName: ROLE_NAMES[inv.role],
    expiresAt: inv.expiresAt.toISOString(),
    accepted: inv.acceptedAt !== null,
    revoked: inv.revokedAt !== null,
    awaitingConfirmation: awaitsConfirmation(inv),
  };
}

/**
 * A company-admin invitation made in the console waits for a second company admin (docs/roles.md);
 * one made on the server by `npm run admin` (no inviter) is the operator's own act and does not.
 */
export const awaitsConfirmation = (inv: {
  role: StaffRoleKind;
  createdById: string | null;
  confirmedAt: Date | null;
}) => inv.role === 'COMPANY_ADMIN' && inv.createdById !== null && inv.confirmedAt === null;

/**
 * Accepting starts the role. The database settles a double accept: only the update that finds the
 * invitation still open writes the role; the same person accepting again is answered as done.
 */
export async function acceptInvitation(deps: Deps, userId: string, token: string) {
  const inv = await ownInvitation(deps, userId, token);
  const now = deps.clock.now();
  if (inv.acceptedAt) {
    if (inv.acceptedById === userId) return { role: inv.role, companyId: inv.companyId, communityId: inv.communityId };
    throw notFound('邀请');
  }
  if (inv.revokedAt) throw new AppError('INVITATION_CLOSED', '邀请已被撤回，请联系邀请人');
  if (inv.expiresAt <= now) throw new AppError('INVITATION_EXPIRED', '邀请已过期，请联系邀请人重新发送');
  if (awaitsConfirmation(inv))
    throw new AppError('INVITATION_UNCONFIRMED', '这份公司管理员邀请还在等待另一位管理员确认，确认后即可接受');
  await deps.db.$transaction(async (tx) => {
    // Still open, not withdrawn, and (for a company admin made in the console) confirmed, all at the moment of the write.
    const claimed = await tx.invitation.updateMany({
      where: {
        id: inv.id,
        acceptedAt: null,
        revokedAt: null,
        expiresAt: { gt: now },
        ...(inv.role === 'COMPANY_ADMIN' && inv.createdById ? { confirmedAt: { not: null } } : {}),
      },
      data: { acceptedAt: now, acceptedById: userId },
    });
    if (claimed.count === 0) throw notFound('邀请');
    const where = { userId, companyId: inv.companyId, communityId: inv.communityId, role: inv.role };
    // A company-wide role has communityId null, which a unique key does not compare: look first.
    if (!(await tx.staffRole.findFirst({ where }))) await tx.staffRole.create({ data: where });
    await writeAudit(tx, {
      companyId: inv.companyId,
      communityId: inv.communityId,
      actorId: userId,
      kind: 'ROLE_GRANTED',
      subjectId: userId,
      after: { role: inv.role, invitationId: inv.id, invitedById: inv.createdById },
      reason: '接受邀请',
      at: now,
    });
  });
  return { role: inv.role, companyId: inv.companyId, communityId: inv.communityId };
}
