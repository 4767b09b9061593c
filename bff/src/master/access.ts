import type { Db } from '../db.js';
import { AppError, notFound } from '../errors.js';
import { requireRole } from '../access/guards.js';
import { ZId } from '../http/params.js';
import type { Who } from './audit.js';

/**
 * Who edits a community's buildings, units and parking: its manager or an admin of its company
 * (docs/master-data.md). Anyone else finds nothing there (not yours = not found). Returns the audit's "who".
 */
export async function editorAt(
  db: Db,
  userId: string,
  communityId: string,
  what: string,
  at: Date,
  write = true,
): Promise<Who> {
  const community = await db.community.findUnique({
    where: { id: communityId },
    select: { companyId: true, retiredAt: true },
  });
  if (!community) throw notFound(what);
  await requireRole(db, userId, communityId, ['MANAGER', 'COMPANY_ADMIN'], what);
  // A retired community is history: its lists are read, nothing in it is added, edited or retired.
  if (write && community.retiredAt) throw communityRetired();
  return { companyId: community.companyId, communityId, actorId: userId, at };
}

/** What every change in a retired community answers (docs/master-data.md, Retiring a community). */
export const communityRetired = () => new AppError('MASTER_RETIRED', '这个小区已停用，不能再修改');

/** A retired row is history: it is neither edited nor retired again. */
export const retiredAlready = (what: string) => new AppError('MASTER_RETIRED', `这个${what}已停用，不能再修改`);

/** Keyset paging over (text key, id), e.g. a unit's number: the cursor is base64url of the last row's pair. */
export function textKeyset(field: string, raw: string | undefined, limit: number) {
  let where = {};
  if (raw) {
    let pair: unknown;
    try {
      pair = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    } catch {
      pair = null;
    }
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string' || !ZId.safeParse(pair[1]).success)
      throw new AppError('VALIDATION_FAILED', '翻页参数无效，请刷新后重试', [{ path: 'cursor', message: '无法识别' }]);
    const [key, id] = pair as [string, string];
    where = { OR: [{ [field]: { gt: key } }, { [field]: key, id: { gt: id } }] };
  }
  return { where, orderBy: [{ [field]: 'asc' as const }, { id: 'asc' as const }], take: limit + 1 };
}

export function textPage<T extends { id: string }>(rows: T[], limit: number, key: (row: T) => string) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const more = rows.length > limit && last;
  return { items, nextCursor: more ? Buffer.from(JSON.stringify([key(last), last.id])).toString('base64url') : null };
}

/** active (the default): rows in use; retired: history; all: both. */
export const stateWhere = (state: 'active' | 'retired' | 'all') =>
  state === 'active' ? { retiredAt: null } : state === 'retired' ? { retiredAt: { not: null } } : {};
