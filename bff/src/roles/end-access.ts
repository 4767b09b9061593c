import type { Deps } from '../deps.js';
import { DESK_ROLE_ROWS } from '../desk/desk-login.js';

/**
 * After a role is removed: a person who holds no role that signs in at a desk has no business with a
 * desk session, so each one still open is revoked in Redis and its record ended (`ROLE_REMOVED`).
 * Other API instances keep a session they read for at most a second (auth/session-store.ts), so the
 * desk is signed out everywhere within that second; every staff page already refused it, roles being
 * read per request. Their phone session stays: they may be a resident too.
 */
export async function endDeskSessionsWithoutRole(deps: Deps, userId: string): Promise<number> {
  if ((await deps.db.staffRole.count({ where: { userId, ...DESK_ROLE_ROWS } })) > 0) return 0;
  const open = await deps.db.deskLogin.findMany({
    where: { userId, endedAt: null },
    select: { id: true, sessionHash: true },
  });
  for (const login of open) await deps.sessions.revokeHash(login.sessionHash);
  if (open.length)
    await deps.db.deskLogin.updateMany({
      where: { id: { in: open.map((l) => l.id) }, endedAt: null },
      data: { endedAt: deps.clock.now(), endedReason: 'ROLE_REMOVED' },
    });
  return open.length;
}
