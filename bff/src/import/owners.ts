import type { MemberRelation } from '@prisma/client';
import { randomUUID } from 'node:crypto';
import type { Diff, RosterRow } from './plan.js';
import type { OwnerRec, RowError } from './validate.js';

/** A sale the import records through the desk's own transfer code (units/record-transfer.ts, transferInTx). */
export type TransferPlan = {
  unitId: string;
  onDate: string;
  owners: { name: string; phone: string; relation: MemberRelation }[];
};
/** How the dry run shows a sale: the unit, the day, its owners before → after (names). */
export type TransferLine = { building: string; number: string; onDate: string; before: string; after: string };

/** What the owners sheet is compared with: the roster, the recorded transfers, retired units, today. */
export type OwnerContext = {
  roster: Map<string, RosterRow>;
  /** unit → (phone → the day a recorded transfer ended them as its owner, if they are not on the roster again) */
  ceased: Map<string, Map<string, string>>;
  /** unit → the day of its latest recorded transfer */
  latest: Map<string, string>;
  retired: Set<string>;
  today: string;
  resolve: (row: number, building: string, number: string) => string | undefined;
};

const names = (rows: { name: string }[]) => rows.map((r) => r.name).join('、');
const fail = (o: OwnerRec, column: string, message: string): RowError => ({
  sheet: '业主',
  row: o.row,
  column,
  message,
});

/**
 * Recorded transfers read as: who stopped being an owner of each unit on which day, and each unit's
 * latest transfer. Oldest first, so a person who sold, bought back and sold again ends on the last sale.
 */
export function transferHistory(rows: { unitId: string; onDate: string; sellers: unknown; buyers: unknown }[]) {
  const ceased = new Map<string, Map<string, string>>();
  const latest = new Map<string, string>();
  const phones = (v: unknown) => (Array.isArray(v) ? v.map((p) => String((p as { phone: string }).phone)) : []);
  for (const t of [...rows].sort((a, b) => a.onDate.localeCompare(b.onDate))) {
    const unit = ceased.get(t.unitId) ?? new Map<string, string>();
    ceased.set(t.unitId, unit);
    for (const p of phones(t.sellers)) unit.set(p, t.onDate);
    for (const p of phones(t.buyers)) unit.delete(p);
    latest.set(t.unitId, t.onDate);
  }
  return { ceased, latest };
}

/**
 * The owners sheet against the roster (docs/import.md, Owners and transfers). Rows of a unit with a
 * 过户日期 whose people differ from its owners of record are a sale; other rows add or rename owners of
 * record as before — except a person a recorded transfer ended, who is never silently put back, and any
 * change to a retired unit.
 */
export function planOwners(owners: OwnerRec[], ctx: OwnerContext, out: Diff) {
  const byUnit = new Map<string, OwnerRec[]>();
  for (const o of owners) {
    const unitId = ctx.resolve(o.row, o.building, o.number);
    if (unitId) byUnit.set(unitId, [...(byUnit.get(unitId) ?? []), o]);
  }
  const rosterOf = new Map<string, RosterRow[]>();
  for (const r of ctx.roster.values()) rosterOf.set(r.unitId, [...(rosterOf.get(r.unitId) ?? []), r]);
  // 业主 before 共有人, then by phone: the order the report names them in.
  for (const rows of rosterOf.values())
    rows.sort(
      (a, b) => Number(a.relation !== 'OWNER') - Number(b.relation !== 'OWNER') || a.phone.localeCompare(b.phone),
    );
  for (const [unitId, rows] of byUnit) {
    const sellers = rosterOf.get(unitId) ?? [];
    if (plannedTransfer(unitId, rows, sellers, ctx, out)) continue;
    for (const o of rows) plainRow(unitId, o, ctx, out);
  }
}

/** A sale when the unit's rows carry one 过户日期 and name other people than its owners of record. */
function plannedTransfer(unitId: string, rows: OwnerRec[], sellers: RosterRow[], ctx: OwnerContext, out: Diff) {
  const dated = rows.find((o) => o.transferDay);
  if (!dated) return false;
  const onDate = dated.transferDay!;
  const odd = rows.filter((o) => o.transferDay !== onDate);
  for (const o of odd)
    out.errors.push(
      fail(o, '过户日期', `第 ${o.row} 行「过户日期」与第 ${dated.row} 行不同：同一房屋的各行要填写相同的过户日期`),
    );
  if (odd.length > 0) return true;
  const onRecord = new Set(sellers.map((s) => s.phone));
  const same = sellers.length === rows.length && rows.every((o) => onRecord.has(o.phone));
  // No owners of record yet (a new unit, or one never listed) or the same people: nothing is sold.
  if (sellers.length === 0 || same) return false;
  const { building, number } = dated;
  const before = out.errors.length;
  if (ctx.retired.has(unitId))
    out.errors.push(fail(dated, '房号', `第 ${dated.row} 行：房屋 ${building} ${number} 已停用`));
  if (onDate > ctx.today) out.errors.push(fail(dated, '过户日期', `第 ${dated.row} 行「过户日期」不能晚于今天`));
  // As at the desk, a sale leaves exactly one 业主 of record, the other buyers 共有人 (docs/import.md, Owners and transfers).
  const owners = rows.filter((o) => o.relation === 'OWNER').length;
  if (owners !== 1)
    out.errors.push(
      fail(
        dated,
        '身份',
        `第 ${dated.row} 行：过户后 ${building} ${number} 应有且只有一位「业主」，其他人填「共有人」（文件中有 ${owners} 位业主）`,
      ),
    );
  const last = ctx.latest.get(unitId);
  if (last && onDate < last)
    out.errors.push(
      fail(dated, '过户日期', `第 ${dated.row} 行「过户日期」早于该房屋已登记的 ${last} 的过户，不能登记更早的日期`),
    );
  for (const o of rows.filter((x) => onRecord.has(x.phone)))
    out.errors.push(
      fail(
        o,
        '手机号',
        `第 ${o.row} 行：${o.name} 是 ${building} ${number} 现登记的业主。过户是整套房屋换了业主，请只列新业主；增加或减少共有人请不填「过户日期」`,
      ),
    );
  if (out.errors.length > before) return true;
  const buyers = rows.map((o) => ({ name: o.name, phone: o.phone, relation: o.relation }));
  out.plan.transfers!.push({ unitId, onDate, owners: buyers });
  out.transfers.push({ building, number, onDate, before: names(sellers), after: names(buyers) });
  out.counts.transfers++;
  out.counts.owners.added += rows.length;
  return true;
}

/** One owner row without a sale: added, renamed or re-roled, or unchanged. */
function plainRow(unitId: string, o: OwnerRec, ctx: OwnerContext, out: Diff) {
  const before = ctx.roster.get(`${unitId}\u0000${o.phone}`);
  const unchanged = before && before.name === o.name && before.relation === o.relation;
  if (unchanged) return void out.counts.owners.unchanged++;
  if (ctx.retired.has(unitId))
    return void out.errors.push(fail(o, '房号', `第 ${o.row} 行：房屋 ${o.building} ${o.number} 已停用`));
  const soldOn = ctx.ceased.get(unitId)?.get(o.phone);
  if (!before && soldOn)
    return void out.errors.push(
      fail(
        o,
        '手机号',
        `第 ${o.row} 行：${o.name} 已于 ${soldOn} 过户，不再是 ${o.building} ${o.number} 的业主；如是又一次过户，请填写「过户日期」`,
      ),
    );
  if (!before) {
    out.plan.roster.create.push({ id: randomUUID(), unitId, name: o.name, phone: o.phone, relation: o.relation });
    out.counts.owners.added++; // audited as ROSTER_ADD when applied (apply.ts)
    return;
  }
  out.plan.roster.update.push({ ...before, name: o.name, relation: o.relation });
  out.plan.audits.push({
    kind: 'ROSTER_CHANGE',
    subjectId: unitId,
    before: { name: before.name, relation: before.relation },
    after: { name: o.name, relation: o.relation },
  });
  out.counts.owners.changed++;
}
