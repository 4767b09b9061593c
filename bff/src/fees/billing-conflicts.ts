import { z } from 'zod';
import type { Deps } from '../deps.js';
import { requireRole } from '../access/guards.js';
import { groupKey } from './bill-coverage.js';
import type { BillLine } from './bill-lines.js';
import { linesFor } from './generate-bills.js';
import { ZPeriod } from './schema.js';

export const ZConflictQuery = z.object({ period: ZPeriod });

/** How a conflict is settled by hand (docs/domain.md §4, Billing runs): a waived bill frees its months. */
const HINT = '如需按新划分重开：由经理减免原账单（需填写原因，留有记录），再重新生成本账期';

const shapeLine = (l: Pick<BillLine, 'payer' | 'firstMonth' | 'months' | 'amountFen'>) => ({
  payer: l.payer,
  firstMonth: l.firstMonth,
  months: l.months,
  amountFen: l.amountFen,
});

/**
 * The units of a period whose months are billed otherwise than the rule now splits them (a delivery
 * date recorded or corrected after the run): what is billed, and what the rule gives now. A run never
 * bills such months again; the cashier settles them by hand (docs/domain.md §4, Billing runs) — e.g.
 * the developer pays its bill at the counter, a manager undoes the run before anything is paid, or a
 * manager waives the billed bill (audited) and the period is run again (a waived bill frees its months).
 * Capped at the community's units × items of one period, so not paged.
 */
export async function listBillingConflicts(deps: Deps, userId: string, communityId: string, q: { period: string }) {
  await requireRole(deps.db, userId, communityId, ['CASHIER', 'MANAGER', 'COMPANY_ADMIN']);
  const { items, lines, judge, billedIn } = await linesFor(deps, communityId, q, undefined, true);
  const conflicted = new Map<string, BillLine[]>();
  for (const l of lines()) if (judge(l) === 'conflict') conflicted.set(groupKey(l), []);
  if (conflicted.size === 0) return { period: q.period, hint: HINT, items: [] };
  for (const l of lines()) conflicted.get(groupKey(l))?.push(l);
  const unitIds = [...new Set([...conflicted.values()].map((ls) => ls[0]!.unitId))];
  const units = await deps.db.unit.findMany({
    where: { id: { in: unitIds }, communityId },
    select: { id: true, number: true, building: { select: { name: true } } },
  });
  const unitName = new Map(units.map((u) => [u.id, `${u.building.name} ${u.number}`]));
  const itemName = new Map(items.map((i) => [i.id, i.name]));
  return {
    period: q.period,
    hint: HINT,
    items: [...conflicted].map(([key, now]) => {
      const { unitId, feeItemId, parkingSpaceId } = now[0]!;
      return {
        unitId,
        unit: unitName.get(unitId)!,
        feeItemId,
        item: itemName.get(feeItemId)!,
        parkingSpaceId,
        billed: billedIn(key)
          .map((b) => ({ billId: b.id, state: b.state, ...shapeLine(b) }))
          .sort((a, b) => a.firstMonth.localeCompare(b.firstMonth)),
        now: now.map(shapeLine).sort((a, b) => a.firstMonth.localeCompare(b.firstMonth)),
      };
    }),
  };
}
