import type { Prisma, StaffRoleKind } from '@prisma/client';
import type { Deps } from '../deps.js';
import { AppError, notFound } from '../errors.js';
import { requireOtherPerson } from '../access/guards.js';
import { keyset, toPage } from '../http/params.js';
import { maskPhone } from '../privacy/mask.js';
import { awaitsConfirmation, createInvitation, invitationEntry, ROLE_NAMES } from '../invitations/invitations.js';
import { authorityAt, isCompanyAdmin, requireGrant, type Authority } from './authority.js';
import { writeAudit } from './audit-write.js';

type PlaceInput = { communityId?: string; companyId?: string };
const placeOf = (p: PlaceInput) => (p.communityId ? { communityId: p.communityId } : { companyId: p.companyId! });

/**
 * An invitation made in the console (docs/roles.md): the caller must be able to grant the role there;
 * the invitee must not hold it already, and no invitation for the same phone, role and place may be
 * pending. The token is shown once, as a mini-program code and a link.
 */
export async function inviteToRole(
  deps: Deps,
  userId: string,
  input: PlaceInput & { phone: string; role: StaffRoleKind },
) {
  const a = await authorityAt(deps.db, userId, placeOf(input));
  requireGrant(a, input.role);
  const now = deps.clock.now();
  const place = { companyId: a.companyId, communityId: a.communityId };
  const held = await deps.db.staffRole.count({ where: { ...place, role: input.role, user: { phone: input.phone } } });
  if (held) throw new AppError('ROLE_HELD', '此人已担任该角色');
  const pending = await deps.db.invitation.count({
    where: {
      ...place,
      role: input.role,
      phone: input.phone,
      acceptedAt: null,
      revokedAt: null,
      expiresAt: { gt: now },
    },
  });
  if (pending) throw new AppError('INVITATION_PENDING', '已有一份相同的邀请等待接受；如需重发，请先撤回它');
  const inv = await createInvitation(deps, { ...place, role: input.role, phone: input.phone, createdById: userId });
  let link = `${deps.config.publicBaseUrl}/#/packages/staff/invitation/index?scene=${inv.token}`;
  let code: { type: string; base64: string } | null = null;
  try {
    const entry = await invitationEntry(deps, inv.token);
    link = entry.link;
    code = { type: entry.code.type, base64: Buffer.from(entry.code.image).toString('base64') };
  } catch (err) {
    // The link still works: the person opens it in WeChat.
    deps.logger.warn({ err: (err as Error).message, invitationId: inv.id }, 'invitation code not made');
  }
  return {
    id: inv.id,
    link,
    code,
    expiresAt: inv.expiresAt.toISOString(),
    awaitingConfirmation: input.role === 'COMPANY_ADMIN',
  };
}

type InvitationRow = Prisma.InvitationGetPayload<object>;

function stateOf(inv: InvitationRow, now: Date) {
  if (inv.acceptedAt) return 'ACCEPTED' as const;
  if (inv.revokedAt) return 'REVOKED' as const;
  if (inv.expiresAt <= now) return 'EXPIRED' as const;
  return awaitsConfirmation(inv) ? ('AWAITING_CONFIRMATION' as const) : ('PENDING' as const);
}

/** Invitations of a place, newest first: a community's for its manager, all of a company's for its admins. */
export async function listInvitations(
  deps: Deps,
  userId: string,
  q: PlaceInput & { state: 'pending' | 'accepted' | 'all'; cursor?: string; limit: number },
) {
  const a = await authorityAt(deps.db, userId, placeOf(q));
  const now = deps.clock.now();
  const where: Prisma.InvitationWhereInput = {
    companyId: a.companyId,
    ...(a.communityId ? { communityId: a.communityId } : {}),
    ...(q.state === 'pending' ? { acceptedAt: null, revokedAt: null, expiresAt: { gt: now } } : {}),
    ...(q.state === 'accepted' ? { acceptedAt: { not: null } } : {}),
  };
  const page = keyset('createdAt', q.cursor, q.limit, 'desc');
  const [total, rows] = await Promise.all([
    deps.db.invitation.count({ where }),
    deps.db.invitation.findMany({ where: { ...where, ...page.where }, orderBy: page.orderBy, take: page.take }),
  ]);
  const { items, nextCursor } = toPage(rows, q.limit, (r) => r.createdAt);
  const ids = [...new Set(items.flatMap((i) => [i.createdById, i.acceptedById, i.confirmedById]))].filter(
    (id): id is string => id !== null,
  );
  const [people, communities] = await Promise.all([
    deps.db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
    deps.db.community.findMany({ where: { companyId: a.companyId }, select: { id: true, name: true } }),
  ]);
  const name = (id: string | null) => (id ? (people.find((p) => p.id === id)?.name ?? '工作人员') : null);
  return {
    items: items.map((i) => ({
      id: i.id,
      phone: maskPhone(i.phone),
      role: i.role,
      roleName: ROLE_NAMES[i.role],
      communityId: i.communityId,
      communityName: communities.find((c) => c.id === i.communityId)?.name ?? null,
      state: stateOf(i, now),
      createdAt: i.createdAt.toISOString(),
      expiresAt: i.expiresAt.toISOString(),
      createdByName: i.createdById ? name(i.createdById) : '服务器命令',
      confirmedByName: name(i.confirmedById),
      acceptedByName: name(i.acceptedById),
      mayConfirm: stateOf(i, now) === 'AWAITING_CONFIRMATION' && a.admin && i.createdById !== userId,
    })),
    nextCursor,
    total,
  };
}

/** The invitation if the caller has authority over its place and its role; else it does not exist for them. */
async function invitationFor(deps: Deps, userId: string, id: string): Promise<[InvitationRow, Authority]> {
  const inv = await deps.db.invitation.findUnique({ where: { id } });
  if (!inv) throw notFound('邀请');
  try {
    const a = await authorityAt(
      deps.db,
      userId,
      inv.communityId ? { communityId: inv.communityId } : { companyId: inv.companyId },
    );
    requireGrant(a, inv.role);
    return [inv, a];
  } catch (err) {
    if (err instanceof AppError) throw notFound('邀请');
    throw err;
  }
}

/**
 * The second admin lets a company-admin invitation be accepted: another company admin than the one
 * who invited (four eyes; the database checks it too), while it is still open.
 */
export async function confirmInvitation(deps: Deps, userId: string, id: string) {
  const [inv] = await invitationFor(deps, userId, id);
  if (inv.role !== 'COMPANY_ADMIN' || !inv.createdById) throw new AppError('INVITATION_CLOSED', '这份邀请不需要确认');
  requireOtherPerson(userId, inv.createdById);
  const now = deps.clock.now();
  if (inv.confirmedAt) return { id, state: 'PENDING' as const };
  await deps.db.$transaction(async (tx) => {
    if (!(await isCompanyAdmin(tx, userId, inv.companyId))) throw notFound('邀请');
    const done = await tx.invitation.updateMany({
      where: { id, confirmedAt: null, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { confirmedAt: now, confirmedById: userId },
    });
    if (done.count === 0) throw new AppError('INVITATION_CLOSED', '邀请已被撤回或已过期');
    await writeAudit(tx, {
      companyId: inv.companyId,
      communityId: null,
      actorId: userId,
      kind: 'INVITATION_CONFIRMED',
      subjectId: id,
      after: { role: inv.role, phone: maskPhone(inv.phone), invitedById: inv.createdById },
      reason: '第二位管理员确认',
      at: now,
    });
  });
  return { id, state: 'PENDING' as const };
}

/** Withdraws a pending invitation (anyone who could have made it); an accepted one is a role now: remove that. */
export async function revokeInvitation(deps: Deps, userId: string, id: string) {
  const [inv] = await invitationFor(deps, userId, id);
  if (inv.revokedAt) return { id, state: 'REVOKED' as const };
  if (inv.acceptedAt) throw new AppError('INVITATION_CLOSED', '邀请已被接受；如需取消，请在人员列表中移除该角色');
  const now = deps.clock.now();
  await deps.db.$transaction(async (tx) => {
    const done = await tx.invitation.updateMany({
      where: { id, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now, revokedById: userId },
    });
    if (done.count === 0) throw new AppError('INVITATION_CLOSED', '邀请已被接受；如需取消，请在人员列表中移除该角色');
    await writeAudit(tx, {
      companyId: inv.companyId,
      communityId: inv.communityId,
      actorId: userId,
      kind: 'INVITATION_REVOKED',
      subjectId: id,
      before: { role: inv.role, phone: maskPhone(inv.phone) },
      reason: '撤回邀请',
      at: now,
    });
  });
  return { id, state: 'REVOKED' as const };
}
