import type { Deps } from '../deps.js';
import { AppError, isUniqueViolation } from '../errors.js';

/**
 * Upserts the user behind (appid, openid). A unionid already known from another app of ours links
 * the new openid to that same person. The unique (appid, openid) settles concurrent first logins.
 */
type LoginUser = { id: string; phone: string | null };

async function upsertUserByOpenid(deps: Deps, openid: string, unionid: string | undefined): Promise<LoginUser> {
  const appid = deps.config.wechat.appid;
  const user = { select: { id: true, phone: true } } as const;
  const find = () => deps.db.wechatIdentity.findUnique({ where: { appid_openid: { appid, openid } }, select: { user } });
  const existing = await find();
  if (existing) {
    if (unionid) await deps.db.user.updateMany({ where: { id: existing.user.id, unionid: null }, data: { unionid } });
    return existing.user;
  }
  try {
    const byUnion = unionid ? await deps.db.user.findUnique({ where: { unionid } }) : null;
    const identity = byUnion
      ? await deps.db.wechatIdentity.create({ data: { appid, openid, userId: byUnion.id }, select: { user } })
      : await deps.db.wechatIdentity.create({ data: { appid, openid, user: { create: { unionid } } }, select: { user } });
    return identity.user;
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const winner = await find();
    if (!winner) throw err;
    return winner.user;
  }
}

export async function login(deps: Deps, code: string) {
  const wx = await deps.wechat.login.code2Session(code);
  const user = await upsertUserByOpenid(deps, wx.openid, wx.unionid);
  const token = await deps.sessions.create({ userId: user.id, openid: wx.openid }, wx.sessionKey, deps.clock.now());
  return { token, expiresIn: deps.config.sessionTtlSeconds, user: { id: user.id, hasPhone: user.phone !== null } };
}

export async function logout(deps: Deps, token: string) {
  await deps.sessions.revoke(token);
}

export async function bindPhone(deps: Deps, userId: string, code: string) {
  const { phone } = await deps.wechat.phone.getPhoneNumber(code);
  // The unique phone settles it (STYLE.md rule 3): no look-up first that a concurrent bind could race.
  try {
    await deps.db.user.update({ where: { id: userId }, data: { phone } });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('PHONE_TAKEN', '该手机号已绑定其他微信账号，请联系物业处理');
    throw err;
  }
  return { phone };
}
