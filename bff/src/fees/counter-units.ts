import { z } from 'zod';
import type { Prisma } from '@prisma/client';
import type { Deps } from '../deps.js';
import { requireRole } from '../access/guards.js';
import { maskName } from '../privacy/mask.js';

const HINT = '请输入房号（如 3-1-602）、手机后四位或业主姓名';
export const ZCounterUnitQuery = z.object({
  q: z.string(HINT).trim().min(1, HINT).max(40, '查询内容最多 40 个字'),
});

/**
 * `3-1-602`, `3-602` or `3号楼602`: building, optional entrance (单元), room. Units are stored by
 * building and room number only (prisma/schema.prisma, Unit), so the entrance is accepted and not matched.
 */
const UNIT = /^(\d{1,3})(?:号楼|-)\s*(?:\d{1,2}(?:单元|-))?\s*(\d{2,6})$/;
const PHONE_TAIL = /^\d{4}$/;

function whereOf(q: string): Prisma.UnitWhereInput {
  const unit = UNIT.exec(q);
  if (unit) return { building: { name: `${unit[1]}号楼` }, number: unit[2] };
  if (PHONE_TAIL.test(q)) return { roster: { some: { phone: { endsWith: q } } } };
  return { roster: { some: { name: { contains: q } } } };
}

/**
 * The counter's unit search (docs/console.md, Counter): the units of the cashier's community matching
 * what was typed, at most 20, with their owners' names masked. Another community is "not found".
 */
export async function searchCounterUnits(
  deps: Deps,
  userId: string,
  communityId: string,
  { q }: z.infer<typeof ZCounterUnitQuery>,
) {
  await requireRole(deps.db, userId, communityId, ['CASHIER', 'MANAGER']);
  const units = await deps.db.unit.findMany({
    where: { communityId, ...whereOf(q) },
    select: {
      id: true,
      number: true,
      building: { select: { name: true } },
      roster: { where: { relation: { in: ['OWNER', 'CO_OWNER'] } }, select: { name: true }, orderBy: { name: 'asc' } },
    },
    orderBy: [{ building: { sortOrder: 'asc' } }, { building: { name: 'asc' } }, { number: 'asc' }],
    take: 20,
  });
  return {
    items: units.map((u) => ({
      unitId: u.id,
      building: u.building.name,
      number: u.number,
      label: `${u.building.name} ${u.number}`,
      owners: u.roster.map((r) => maskName(r.name) ?? ''),
    })),
  };
}
