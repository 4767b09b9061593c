import { z } from 'zod';
import { AppError } from '../errors.js';

/** Route and body fields shared by every domain. */
export const ZId = z.uuid('ID 格式不正确');
export const ZCommunityParams = z.object({ communityId: ZId });
export const ZIdParams = z.object({ id: ZId });

// Characters that print nothing: a reason made of them is as empty as a blank one.
const INVISIBLE =
  // eslint-disable-next-line no-misleading-character-class -- single code points, each invisible alone
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u206A-\u206F\u3164\uFEFF\uFFA0]/g;
// C0/C1 control characters other than tab and newlines. PostgreSQL text cannot even hold NUL.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/**
 * Free text a person typed (reasons, notes): trimmed; control characters refused; the minimum length
 * counts only visible characters, so zero-width spaces cannot stand in for a reason.
 */
export function ZText(opts: { min?: number; max: number; label: string }) {
  const min = opts.min ?? 1;
  return z
    .string(`${opts.label}必须是文字`)
    .refine((s) => !CONTROL.test(s), `${opts.label}含有不可见的控制字符`)
    .transform((s) => s.trim())
    .refine(
      (s) => Array.from(s.replace(INVISIBLE, '').trim()).length >= min,
      min <= 1 ? `请填写${opts.label}` : `${opts.label}至少 ${min} 个字`,
    )
    .refine((s) => Array.from(s).length <= opts.max, `${opts.label}最多 ${opts.max} 个字`);
}

/** Keyset paging: `cursor` is opaque to clients (base64url of the last row's sort key and id). */
export const ZPageQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number('每页条数必须是数字').int().min(1, '每页至少 1 条').max(100, '每页最多 100 条').default(20),
});

export type Cursor = { at: Date; id: string };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.at.toISOString()}|${c.id}`).toString('base64url');
}

const ZCursor = z.tuple([z.iso.datetime(), ZId]);

export function decodeCursor(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  const parsed = ZCursor.safeParse(Buffer.from(raw, 'base64url').toString('utf8').split('|'));
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', '翻页参数无效，请刷新后重试', [{ path: 'cursor', message: '无法识别' }]);
  return { at: new Date(parsed.data[0]), id: parsed.data[1] };
}

/**
 * Keyset paging over (`field`, id) in `dir` order: the where-fragment of the rows after the cursor,
 * the order, and how many rows to fetch (one more than the page, to know whether another follows).
 */
export function keyset(field: string, raw: string | undefined, limit: number, dir: 'asc' | 'desc') {
  const after = decodeCursor(raw);
  const op = dir === 'asc' ? 'gt' : 'lt';
  return {
    where: after ? { OR: [{ [field]: { [op]: after.at } }, { [field]: after.at, id: { [op]: after.id } }] } : {},
    orderBy: [{ [field]: dir }, { id: dir }],
    take: limit + 1,
  };
}

/** The page out of the rows `keyset` fetched, and the cursor of the next page (null at the end). */
export function toPage<T extends { id: string }>(rows: T[], limit: number, at: (row: T) => Date) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor({ at: at(last), id: last.id }) : null };
}
