import type { StaffRoleKind } from '@prisma/client';
import type { ApiResponse, Harness } from './harness.js';
import { TEST_APPID } from './harness.js';
import { addRosterOwner, cn, grantRole, makeUser, uniquePhone } from './factories/index.js';

type CallOptions = { body?: unknown; raw?: string | Uint8Array; headers?: Record<string, string> };

/** Someone signed in through the simulator, with their own token on every call. */
export type Actor = {
  userId: string;
  openid: string;
  phone: string;
  token: string;
  call<T = any>(method: string, path: string, opts?: CallOptions): Promise<ApiResponse<T>>;
};

function actor(h: Harness, user: { id: string; openid: string; phone: string }, token: string): Actor {
  return {
    userId: user.id,
    openid: user.openid,
    phone: user.phone,
    token,
    call: (method, path, opts = {}) => h.call(method, path, { ...opts, token }),
  };
}

/**
 * An owner of `unit`, as residents become one: on the roster, phone verified through WeChat, bound
 * through the API (auto-approved by the roster).
 */
export async function resident(
  h: Harness,
  unit: { id: string },
  opts: { name?: string; relation?: 'OWNER' | 'CO_OWNER' } = {},
): Promise<Actor> {
  const national = uniquePhone();
  await addRosterOwner(h.db, unit.id, national, opts.name ?? '业主', opts.relation ?? 'OWNER');
  const user = await makeUser(h.db, TEST_APPID);
  const token = await h.loginAs(user.openid);
  await h.bindPhone(token, national);
  const bound = await h.call('POST', '/api/units/bind-requests', {
    token,
    body: { unitId: unit.id, relation: 'OWNER' },
  });
  if (bound.body?.status !== 'VERIFIED')
    throw new Error(`resident: binding failed ${bound.status} ${JSON.stringify(bound.body)}`);
  return actor(h, { id: user.id, openid: user.openid, phone: cn(national) }, token);
}

/** A staff member holding `role` in `community` (null: company-wide), signed in. */
export async function staff(
  h: Harness,
  role: StaffRoleKind,
  community: { id: string; companyId: string } | { companyId: string; id: null },
  opts: { name?: string; canRevealPii?: boolean } = {},
): Promise<Actor> {
  const national = uniquePhone();
  const user = await makeUser(h.db, TEST_APPID, { name: opts.name ?? '员工', phone: national });
  await grantRole(h.db, user.id, community.companyId, role, community.id, opts.canRevealPii ?? false);
  return actor(h, { id: user.id, openid: user.openid, phone: cn(national) }, await h.loginAs(user.openid));
}
