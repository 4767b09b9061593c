import type { Deps } from '../deps.js';
import { OFFICE_ROLES } from '../access/scope.js';
import { requireRole } from '../access/guards.js';
import { maskName } from '../privacy/mask.js';

/** Per event (e.g. a notice published): whether each push went out, and why not — for the office. */
export async function listEventPushes(
  deps: Deps,
  staffId: string,
  communityId: string,
  event: { kind: string; id: string },
) {
  await requireRole(deps.db, staffId, communityId, OFFICE_ROLES);
  const rows = await deps.db.pushMessage.findMany({
    where: { eventKind: event.kind, eventId: event.id, communityId },
    select: {
      id: true,
      status: true,
      reason: true,
      attempts: true,
      createdAt: true,
      sentAt: true,
      templateKey: true,
      user: { select: { name: true } },
    },
    orderBy: { createdAt: 'asc' },
    // Not paged (no keyset()): the counts are the answer; the first 500 recipients show who got what.
    take: 500,
  });
  const counts: Record<string, number> = {};
  for (const r of rows) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return { counts, items: rows.map(({ user, ...r }) => ({ ...r, recipient: maskName(user.name) })) };
}
