import type { Deps } from '../deps.js';
import { AppError, isUniqueViolation } from '../errors.js';

type LoginUser = { id: string; phone: string | null };
const userFields = { select: { id: true, phone: true, unionid: true } } as const;

/**
 * wx.login code → our session. Throttled per client IP and for the whole app before WeChat is asked:
 * WeChat rate-limits jscode2session per app, so a flood of bogus codes must stop here. A user WeChat
 * rates as high-risk is refused and their existing sessions are revoked.
 */
export async function login(deps: Deps, code: string, clientIp: string) {
  await deps.limits.loginPerIp.consume(clientIp);
  await deps.limits.loginGlobal.consume('app');
  const wx = await deps.wechat.login.code2Session(code);
  const user = await upsertUser(deps, wx.openid, wx.unionid);
  await refuseHighRisk(deps, user.id, wx.openid, clientIp);
  const token = await deps.sessions.create({ userId: user.id, openid: wx.openid }, wx.sessionKey);
  return { token, expiresIn: deps.config.session.ttlSeconds, user: { id: user.id, hasPhone: user.phone !== null } };
}

async function refuseHighRisk(deps: Deps, userId: string, openid: string, clientIp: string) {
  let rank: number;
  try {
    rank = await deps.wechat.risk.userRiskRank(openid, clientIp);
  } catch (err) {
    // A supplementary signal: its outage must not stop everyone from logging in.
    deps.logger.warn({ err: (err as Error).message }, 'user risk rank unavailable, login allowed');
    return;
  }
  if (rank < deps.config.wechat.riskBlockRank) return;
  const revoked = await deps.sessions.revokeAll(userId);
  deps.logger.warn({ userId, rank, revoked }, 'high-risk user refused, sessions revoked');
  throw new AppError('WECHAT_USER_BLOCKED', '该微信账号存在安全风险，暂时无法登录');
}

/** The unique (appid, openid) and the unique unionid settle concurrent first logins: one retry. */
async function upsertUser(deps: Deps, openid: string, unionid: string | undefined): Promise<LoginUser> {
  try {
    return await resolveUser(deps, openid, unionid);
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return resolveUser(deps, openid, unionid);
  }
}

/**
 * The user behind (appid, openid). A unionid is the same WeChat person across our apps:
 * - a new openid whose unionid is known joins that user;
 * - a known openid learns its unionid, unless another user already holds it (the person opened
 *   another app of ours first). Then an empty account (no phone, unit or role) is folded into the
 *   holder; an account with data keeps logging in as itself and the duplicate is logged for an
 *   administrator to merge — never a login that fails forever.
 */
async function resolveUser(deps: Deps, openid: string, unionid: string | undefined): Promise<LoginUser> {
  const appid = deps.config.wechat.appid;
  const key = { appid_openid: { appid, openid } };
  const existing = await deps.db.wechatIdentity.findUnique({ where: key, select: { user: userFields } });
  if (!existing) {
    const holder = unionid ? await deps.db.user.findUnique({ where: { unionid }, select: { id: true } }) : null;
    const identity = await deps.db.wechatIdentity.create({
      data: { appid, openid, user: holder ? { connect: { id: holder.id } } : { create: { unionid } } },
      select: { user: userFields },
    });
    return identity.user;
  }
  const user = existing.user;
  if (!unionid || user.unionid === unionid) return user;
  if (user.unionid !== null) {
    deps.logger.warn({ userId: user.id }, 'WeChat reported another unionid for a known openid; kept the first');
    return user;
  }
  const holder = await deps.db.user.findUnique({ where: { unionid }, select: { id: true, phone: true } });
  if (!holder) {
    await deps.db.user.updateMany({ where: { id: user.id, unionid: null }, data: { unionid } });
    return user;
  }
  if (await isEmptyAccount(deps, user.id)) {
    await deps.db.wechatIdentity.update({ where: key, data: { userId: holder.id } });
    return holder;
  }
  deps.logger.warn(
    { userId: user.id, holderId: holder.id },
    'one WeChat person holds two accounts with data; merge by hand',
  );
  return user;
}

async function isEmptyAccount(deps: Deps, userId: string): Promise<boolean> {
  const user = await deps.db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { phone: true, _count: { select: { memberships: true, staffRoles: true } } },
  });
  return user.phone === null && user._count.memberships === 0 && user._count.staffRoles === 0;
}
