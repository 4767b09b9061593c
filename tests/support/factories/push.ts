import { randomBytes } from 'node:crypto';
import type { Harness } from '../harness.js';
import { TEST_APPID } from '../harness.js';

/**
 * `n` verified residents of `unit` who each accepted `template` once (in our credit table and at the
 * simulator, as the app's report and WeChat's own count would have it). Made in bulk, for volume tests.
 */
export async function makePushAudience(h: Harness, unit: { id: string }, templateId: string, n: number) {
  const tag = randomBytes(4).toString('hex');
  const users = Array.from({ length: n }, (_, i) => ({ id: crypto.randomUUID(), openid: `o_aud_${tag}_${i}` }));
  await h.db.user.createMany({ data: users.map((u) => ({ id: u.id })) });
  await h.db.wechatIdentity.createMany({
    data: users.map((u) => ({ userId: u.id, appid: TEST_APPID, openid: u.openid })),
  });
  await h.db.unitMembership.createMany({
    data: users.map((u) => ({
      userId: u.id,
      unitId: unit.id,
      relation: 'FAMILY' as const,
      status: 'VERIFIED' as const,
    })),
  });
  await h.db.pushCredit.createMany({ data: users.map((u) => ({ userId: u.id, templateId, credit: 1 })) });
  await h.sim('/sim/subscribe/accept', { items: users.map((u) => ({ openid: u.openid, templateId })) });
  return users;
}
