import type { Deps } from '../deps.js';
import { AppError, isUniqueViolation } from '../errors.js';

/** Exchanges the phone button's code for the user's verified number (E.164) and keeps it. */
export async function bindPhone(deps: Deps, userId: string, code: string) {
  const { phone } = await deps.wechat.phone.getPhoneNumber(code);
  // The unique phone settles it (docs/conventions.md rule 3): no look-up first that a concurrent bind could race.
  try {
    await deps.db.user.update({ where: { id: userId }, data: { phone } });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('PHONE_TAKEN', '该手机号已绑定其他微信账号，请联系物业处理');
    throw err;
  }
  return { phone };
}
