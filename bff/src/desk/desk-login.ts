import type { StaffRoleKind } from '@prisma/client';
import type { Deps } from '../deps.js';
import { AppError, notFound } from '../errors.js';
import { maskName } from '../privacy/mask.js';
import { COMMUNITY_ONLY_ROLES } from '../access/scope.js';
import { SessionStore } from '../auth/session-store.js';
import { miniProgramCode } from '../wechat/mini-code.js';
import { DeskTickets, newNonce, type Ticket } from './tickets.js';

/** The page a scanned desk code opens in the mini-program (it must be in app.config.ts). */
export const DESK_CONFIRM_PAGE = 'packages/staff/desk-login/index';

const BROWSERS: [string, RegExp][] = [
  ['Edge', /Edg\/(\d+)/],
  ['Firefox', /Firefox\/(\d+)/],
  ['Chrome', /Chrom(?:e|ium)\/(\d+)/],
  ['Safari', /Version\/(\d+).*Safari/],
];
const SYSTEMS: [string, RegExp][] = [
  ['Windows', /Windows/],
  ['macOS', /Mac OS X|Macintosh/],
  ['Android', /Android/],
  ['iOS', /iPhone|iPad/],
  ['Linux', /Linux/],
];

/** "Chrome 130 · Windows": enough for a person to recognise the desk asking, from its User-Agent. */
export function describeAgent(ua: string): string {
  const browser = BROWSERS.map(([name, re]) => [name, re.exec(ua)?.[1]] as const).find(([, version]) => version);
  const os = SYSTEMS.find(([, re]) => re.test(ua))?.[0] ?? '未知系统';
  return `${browser ? `${browser[0]} ${browser[1]}` : '浏览器'} · ${os}`;
}

export const tickets = (deps: Deps) => new DeskTickets(deps.redis, deps.clock);

/**
 * WeChat's launch scene of a camera scan of a mini-program code (场景值 1047). A long-pressed image
 * (1048) or one picked from the album (1049) is a code someone sent: refused (docs/wechat.md §6).
 */
export const CAMERA_SCAN_SCENE = 1047;

/** Who may sign in at a desk: property staff, and a committee member for the committee's own work (docs/wechat.md §6). */
const DESK_ROLES: StaffRoleKind[] = ['MANAGER', 'TECHNICIAN', 'CASHIER', 'COMPANY_ADMIN', 'COMMITTEE_MEMBER'];

/**
 * What the desk shows while it waits: the state, once scanned who scanned it (masked) and the
 * matching code the person types on the phone.
 */
export function deskView(t: Ticket) {
  return {
    ticket: t.ticket,
    state: t.state,
    expiresAt: t.expiresAt.toISOString(),
    scannedBy: t.scannerName ? maskName(t.scannerName) : null,
    matchCode: t.state === 'SCANNED' ? t.matchCode : null,
  };
}

/**
 * Shown on the phone above the digits: a code relayed by a phisher still arrives as a camera scan,
 * so the person must see that the desk asking is the one in front of them (docs/wechat.md §6, What it
 * does not stop: real-time relay).
 */
export const DESK_WARNING = '只在您本人面前的电脑上登录；如有人发来二维码或验证码，请勿操作';

/** What the scanning phone shows: which desk is asking (its IP as the BFF saw it, browser/OS), since when, and the warning. */
export function phoneView(t: Ticket) {
  return {
    ticket: t.ticket,
    state: t.state,
    expiresAt: t.expiresAt.toISOString(),
    desk: { ip: t.deskIp, agent: t.deskAgent, createdAt: t.createdAt.toISOString() },
    warning: DESK_WARNING,
  };
}

export async function createTicket(deps: Deps, desk: { ip: string; userAgent: string }) {
  await deps.limits.loginPerIp.consume(desk.ip);
  const nonce = newNonce();
  const ticket = await tickets(deps).create(nonce, { ip: desk.ip, agent: describeAgent(desk.userAgent) });
  return { nonce, ticket };
}

/** The ticket's mini-program code, made by WeChat with the ticket as `scene`. */
export async function ticketCode(deps: Deps, ticket: string, nonce: string | undefined) {
  const t = await tickets(deps).readAtDesk(ticket, nonce);
  if (t.state !== 'PENDING') throw new AppError('DESK_TICKET_STATE', '二维码已使用或已过期，请刷新');
  return miniProgramCode(deps, ticket, DESK_CONFIRM_PAGE);
}

/**
 * The rows that let a person sign in at a desk. A committee role counts only for one community: a
 * company-wide committee row grants nothing anywhere (COMMUNITY_ONLY_ROLES), so none at the desk either.
 */
export const DESK_ROLE_ROWS = {
  role: { in: DESK_ROLES },
  OR: [{ role: { notIn: COMMUNITY_ONLY_ROLES } }, { communityId: { not: null } }],
};

async function deskStaff(deps: Deps, userId: string): Promise<{ id: string; name: string } | null> {
  const user = await deps.db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, name: true, _count: { select: { staffRoles: { where: DESK_ROLE_ROWS } } } },
  });
  return user._count.staffRoles === 0 ? null : { id: user.id, name: user.name ?? '工作人员' };
}

/** The phone side: anyone who may not sign in at a desk finds no ticket at all (docs/conventions.md rule 4). */
async function phoneStaff(deps: Deps, userId: string) {
  const user = await deskStaff(deps, userId);
  if (!user) throw notFound('二维码');
  return user;
}

/** Only a camera scan of the desk's screen counts, never a picture of it passed on (docs/wechat.md §6). */
function requireCameraScan(scene: number) {
  if (scene !== CAMERA_SCAN_SCENE)
    throw new AppError(
      'DESK_SCAN_REQUIRED',
      '请站在收银台电脑前，用微信“扫一扫”直接扫描屏幕上的二维码；别人发来的二维码图片不能用于登录',
    );
}

export async function scanTicket(deps: Deps, ticket: string, userId: string, launch: { scene: number }) {
  const user = await phoneStaff(deps, userId);
  requireCameraScan(launch.scene);
  const store = tickets(deps);
  await store.readScanned(ticket);
  await store.scan(ticket, user);
  return phoneView(await store.readScanned(ticket));
}

/**
 * The person confirms with the two digits the desk shows since their scan. The digits are checked in
 * the same atomic step as the move, and a ticket without digits never confirms; a wrong answer ends
 * the ticket: one guess, not a hundred (docs/wechat.md §6, The matching code).
 */
export async function confirmTicket(
  deps: Deps,
  ticket: string,
  userId: string,
  input: { scene: number; code: string },
) {
  await phoneStaff(deps, userId);
  requireCameraScan(input.scene);
  const store = tickets(deps);
  try {
    await store.confirm(ticket, userId, input.code);
  } catch (err) {
    if (err instanceof AppError && err.code === 'DESK_CODE_MISMATCH')
      deps.logger.warn({ userId, ticket: ticket.slice(0, 6) }, 'desk login: wrong matching code, ticket cancelled');
    throw err;
  }
  deps.logger.info({ userId, ticket: ticket.slice(0, 6) }, 'desk login confirmed');
  return phoneView(await store.readScanned(ticket));
}

/** The phone cancels a ticket it scanned; any other ticket is no such code (docs/wechat.md §6, Cancelling). */
export async function cancelTicket(deps: Deps, ticket: string, userId: string) {
  await phoneStaff(deps, userId);
  await tickets(deps).cancel(ticket, userId);
  return { state: 'CANCELLED' as const };
}

/** The desk gives up its own ticket (its cookie proves it); another browser finds none. */
export async function abandonTicket(deps: Deps, ticket: string, nonce: string | undefined) {
  await tickets(deps).abandon(ticket, nonce);
  return { state: 'CANCELLED' as const };
}

/** The desk takes its confirmed ticket: a desk session for the staff member, and the record of it. */
export async function redeemTicket(deps: Deps, ticket: string, nonce: string | undefined) {
  const { userId, deskIp, deskAgent } = await tickets(deps).redeem(ticket, nonce);
  const user = await deskStaff(deps, userId);
  // Their role was taken away between the confirmation and now.
  if (!user) throw new AppError('DESK_STAFF_ONLY', '只有物业工作人员可以登录收银台');
  const identity = await deps.db.wechatIdentity.findFirstOrThrow({
    where: { userId, appid: deps.config.wechat.appid },
    select: { openid: true },
  });
  const session = await deps.sessions.createDesk(userId, identity.openid);
  const login = await deps.db.deskLogin.create({
    data: {
      userId,
      sessionHash: session.hash,
      deskIp,
      deskAgent,
      createdAt: deps.clock.now(),
      expiresAt: session.expiresAt,
    },
    select: { id: true },
  });
  deps.logger.info({ userId, deskLoginId: login.id, deskIp }, 'desk login');
  return { token: session.token, expiresAt: session.expiresAt.toISOString(), user: { id: user.id, name: user.name } };
}

/**
 * The user's desk logins still in force (newest first), for them to see and end. Not paged (no
 * keyset()): each lives 12 hours at most, so twenty in force at once is already more than one person has.
 */
export async function listDeskLogins(deps: Deps, userId: string) {
  const rows = await deps.db.deskLogin.findMany({
    where: { userId, endedAt: null, expiresAt: { gt: deps.clock.now() } },
    orderBy: { createdAt: 'desc' },
    take: 20,
    select: { id: true, deskIp: true, deskAgent: true, createdAt: true, expiresAt: true },
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      ip: r.deskIp,
      agent: r.deskAgent,
      createdAt: r.createdAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
    })),
  };
}

/** Ends one of the user's desk sessions from the phone. Someone else's looks like none at all. */
export async function revokeDeskLogin(deps: Deps, userId: string, id: string) {
  const row = await deps.db.deskLogin.findFirst({
    where: { id, userId },
    select: { sessionHash: true, endedAt: true },
  });
  if (!row) throw notFound('登录记录');
  await deps.sessions.revokeHash(row.sessionHash);
  if (!row.endedAt)
    await deps.db.deskLogin.updateMany({
      where: { id, endedAt: null },
      data: { endedAt: deps.clock.now(), endedReason: 'REVOKED' },
    });
  deps.logger.info({ userId, deskLoginId: id }, 'desk login revoked');
  return { id, ended: true };
}

/** Logging out at the desk ends its record too (a phone logout has none: nothing happens). */
export async function endDeskLoginOnLogout(deps: Deps, token: string) {
  await deps.db.deskLogin.updateMany({
    where: { sessionHash: SessionStore.hashOf(token), endedAt: null },
    data: { endedAt: deps.clock.now(), endedReason: 'LOGOUT' },
  });
}
