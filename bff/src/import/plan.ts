import { randomUUID } from 'node:crypto';
import type { AreaSource, MemberRelation, ParkingKind, Prisma } from '@prisma/client';
import { beijingDay, dayStart } from '../beijing.js';
import type { Db } from '../db.js';
import type { OpeningBillRow } from './arrears.js';
import { planOwners, transferHistory, type TransferLine, type TransferPlan } from './owners.js';
import type { Records, RowError } from './validate.js';

export type UnitRow = {
  id: string;
  buildingId: string;
  number: string;
  floor: number;
  buildingArea: string;
  exclusiveArea: string;
  areaSource: AreaSource;
  deliveredAt: string | null;
};
export type RosterRow = { id: string; unitId: string; name: string; phone: string; relation: MemberRelation };
export type ParkingRow = {
  id: string;
  number: string;
  kind: ParkingKind | null;
  area: string | null;
  unitId: string | null;
};
export type AuditRow = { kind: string; subjectId: string; before: unknown; after: unknown };

/** What applying writes, computed by the dry run against the data its fingerprint names. */
export type Plan = {
  buildings: {
    create: { id: string; name: string; buildingType: string | null; sortOrder: number }[];
    retype: { id: string; buildingType: string }[];
  };
  units: { create: UnitRow[]; update: UnitRow[] };
  roster: { create: RosterRow[]; update: RosterRow[] };
  parking: { create: ParkingRow[]; update: ParkingRow[] };
  /** Opening arrears (arrears.ts); absent from plans stored before they were imported. */
  bills?: { create: OpeningBillRow[] };
  /** Sales from the owners sheet's 过户日期 (owners.ts); absent from plans stored before them. */
  transfers?: TransferPlan[];
  audits: AuditRow[];
};
export type Change = { building: string; number: string; field: string; before: string; after: string };
export type Counts = { added: number; changed: number; unchanged: number };
export type Diff = {
  plan: Plan;
  errors: RowError[];
  changes: Change[];
  absent: { building: string; number: string }[];
  transfers: TransferLine[];
  counts: { units: Counts; owners: Counts; parking: Counts; transfers: number };
  /** For the opening arrears (arrears.ts): a unit of the file or the community, a building's type. */
  unitIdOf: (building: string, number: string) => string | undefined;
  buildingTypeOf: (building: string) => string | null;
  /** Units retired at the desk: the opening arrears add no bill to one (docs/import.md, Retired rows). */
  retiredUnitIds: Set<string>;
};

const counts = (): Counts => ({ added: 0, changed: 0, unchanged: 0 });
const unitKey = (building: string, number: string) => `${building}\u0000${number}`;
const dayOf = (d: Date | null) => (d ? beijingDay(d) : null);

/** The community's master data as it stands, keyed the way the file names things. */
async function current(db: Db | Prisma.TransactionClient, communityId: string) {
  const [buildings, units, roster, parking, transfers] = await Promise.all([
    db.building.findMany({
      where: { communityId },
      select: { id: true, name: true, buildingType: true, sortOrder: true, retiredAt: true },
    }),
    db.unit.findMany({
      where: { communityId },
      select: {
        id: true,
        buildingId: true,
        number: true,
        floor: true,
        buildingArea: true,
        exclusiveArea: true,
        areaSource: true,
        deliveredAt: true,
        retiredAt: true,
      },
    }),
    db.ownerRosterEntry.findMany({
      where: { unit: { communityId } },
      select: { id: true, unitId: true, name: true, phone: true, relation: true },
    }),
    db.parkingSpace.findMany({
      where: { communityId },
      select: { id: true, number: true, kind: true, area: true, unitId: true, retiredAt: true },
    }),
    db.ownershipTransfer.findMany({
      where: { communityId },
      select: { unitId: true, onDate: true, sellers: true, buyers: true },
    }),
  ]);
  const buildingName = new Map(buildings.map((b) => [b.id, b.name]));
  return {
    buildings: new Map(buildings.map((b) => [b.name, b])),
    maxSort: Math.max(0, ...buildings.map((b) => b.sortOrder)),
    units: new Map(
      units.map((u) => [
        unitKey(buildingName.get(u.buildingId)!, u.number),
        {
          id: u.id,
          buildingId: u.buildingId,
          number: u.number,
          floor: u.floor,
          buildingArea: u.buildingArea.toFixed(2),
          exclusiveArea: u.exclusiveArea.toFixed(2),
          areaSource: u.areaSource,
          deliveredAt: dayOf(u.deliveredAt),
        },
      ]),
    ),
    roster: new Map(roster.map((r) => [`${r.unitId}\u0000${r.phone}`, r])),
    parking: new Map(parking.map((p) => [p.number, { ...p, area: p.area?.toFixed(2) ?? null }])),
    /** Retired rows are history (docs/master-data.md): the import changes none of them. */
    retiredUnits: new Set(units.filter((u) => u.retiredAt).map((u) => u.id)),
    retiredBuildings: new Set(buildings.filter((b) => b.retiredAt).map((b) => b.name)),
    retiredParking: new Set(parking.filter((p) => p.retiredAt).map((p) => p.number)),
    transfers: transferHistory(transfers),
  };
}

const FIELD_NAMES: Record<string, string> = {
  floor: '楼层',
  buildingArea: '建筑面积',
  exclusiveArea: '专有面积',
  areaSource: '面积来源',
  deliveredAt: '交付日期',
};
const UNIT_FIELDS = ['floor', 'buildingArea', 'exclusiveArea', 'areaSource', 'deliveredAt'] as const;

/**
 * The dry run's comparison of the file with the community: what would be added, changed (before →
 * after) or stay, which units the file leaves out, and references the file makes to units that exist
 * nowhere. An empty optional cell keeps what is there (docs/import.md, Rules).
 */
export async function diff(
  db: Db | Prisma.TransactionClient,
  communityId: string,
  records: Records,
  today: string,
): Promise<Diff> {
  const now = await current(db, communityId);
  const plan: Plan = {
    buildings: { create: [], retype: [] },
    units: { create: [], update: [] },
    roster: { create: [], update: [] },
    parking: { create: [], update: [] },
    transfers: [],
    audits: [],
  };
  const out: Diff = {
    plan,
    errors: [],
    changes: [],
    absent: [],
    transfers: [],
    counts: { units: counts(), owners: counts(), parking: counts(), transfers: 0 },
    unitIdOf: (building, number) => unitIds.get(unitKey(building, number)),
    buildingTypeOf: (name) =>
      records.units.find((u) => u.building === name && u.buildingType)?.buildingType ??
      now.buildings.get(name)?.buildingType ??
      null,
    retiredUnitIds: now.retiredUnits,
  };
  const buildingIds = new Map([...now.buildings].map(([name, b]) => [name, b.id]));
  let sort = now.maxSort;
  const buildingId = (name: string, type: string | null) => {
    const existing = now.buildings.get(name);
    if (existing && type && existing.buildingType !== type && !plan.buildings.retype.some((r) => r.id === existing.id))
      plan.buildings.retype.push({ id: existing.id, buildingType: type });
    let id = buildingIds.get(name);
    if (!id) {
      id = randomUUID();
      buildingIds.set(name, id);
      plan.buildings.create.push({ id, name, buildingType: type, sortOrder: ++sort });
    }
    return id;
  };

  const unitIds = new Map([...now.units].map(([k, u]) => [k, u.id]));
  const inFile = new Set<string>();
  for (const u of records.units) {
    const key = unitKey(u.building, u.number);
    inFile.add(key);
    const before = now.units.get(key);
    // A retired building keeps its type: another one in the file would retype it (docs/import.md, Retired rows).
    const building = now.buildings.get(u.building);
    if (building?.retiredAt && u.buildingType && u.buildingType !== building.buildingType) {
      retiredRow(out, '房屋', u.row, '楼栋类型', `楼栋 ${u.building} 已停用`);
      continue;
    }
    const row: UnitRow = {
      id: before?.id ?? randomUUID(),
      buildingId: buildingId(u.building, u.buildingType),
      number: u.number,
      floor: u.floor,
      buildingArea: u.buildingArea,
      exclusiveArea: u.exclusiveArea,
      areaSource: u.areaSource ?? before?.areaSource ?? 'REGISTERED',
      deliveredAt: u.deliveredDay ?? before?.deliveredAt ?? null,
    };
    if (!before && now.retiredBuildings.has(u.building)) {
      retiredRow(out, '房屋', u.row, '楼栋', `楼栋 ${u.building} 已停用`);
      continue;
    }
    if (!before) {
      unitIds.set(key, row.id);
      plan.units.create.push(row);
      out.counts.units.added++;
      continue;
    }
    const changed = UNIT_FIELDS.filter((f) => before[f] !== row[f]);
    if (changed.length === 0) {
      out.counts.units.unchanged++;
      continue;
    }
    if (now.retiredUnits.has(row.id)) {
      retiredRow(out, '房屋', u.row, '房号', `房屋 ${u.building} ${u.number} 已停用`);
      continue;
    }
    out.counts.units.changed++;
    plan.units.update.push(row);
    for (const f of changed)
      out.changes.push({
        building: u.building,
        number: u.number,
        field: FIELD_NAMES[f]!,
        before: String(before[f] ?? ''),
        after: String(row[f] ?? ''),
      });
    plan.audits.push({
      kind: changed.some((f) => f.endsWith('Area') || f === 'areaSource') ? 'UNIT_AREA' : 'UNIT_CHANGE',
      subjectId: row.id,
      before: Object.fromEntries(changed.map((f) => [f, before[f]])),
      after: Object.fromEntries(changed.map((f) => [f, row[f]])),
    });
  }
  if (records.units.length > 0)
    for (const [key, u] of now.units)
      if (!inFile.has(key) && !now.retiredUnits.has(u.id))
        out.absent.push({ building: key.split('\u0000')[0]!, number: u.number });

  const resolve = (sheet: '业主' | '车位', row: number, building: string, number: string) => {
    const id = unitIds.get(unitKey(building, number));
    if (!id)
      out.errors.push({
        sheet,
        row,
        column: '房号',
        message: `第 ${row} 行「房号」${building} ${number} 在「房屋」表和系统中都没有`,
      });
    return id;
  };

  planOwners(
    records.owners,
    {
      roster: now.roster,
      ...now.transfers,
      retired: now.retiredUnits,
      today,
      resolve: (row, building, number) => resolve('业主', row, building, number),
    },
    out,
  );

  for (const p of records.parking) {
    const unitId = p.building && p.unitNumber ? resolve('车位', p.row, p.building, p.unitNumber) : null;
    if (unitId === undefined) continue;
    const before = now.parking.get(p.number);
    const row: ParkingRow = {
      id: before?.id ?? randomUUID(),
      number: p.number,
      kind: p.kind ?? before?.kind ?? null,
      area: p.area ?? before?.area ?? null,
      unitId: unitId ?? before?.unitId ?? null,
    };
    const moves = before?.unitId !== row.unitId;
    if (row.unitId && moves && now.retiredUnits.has(row.unitId)) {
      retiredRow(out, '车位', p.row, '房号', `房屋 ${p.building} ${p.unitNumber} 已停用`);
    } else if (!before) {
      plan.parking.create.push(row);
      out.counts.parking.added++;
    } else if (before.kind !== row.kind || before.area !== row.area || moves) {
      if (now.retiredParking.has(p.number)) {
        retiredRow(out, '车位', p.row, '车位号', `车位 ${p.number} 已停用`);
        continue;
      }
      plan.parking.update.push(row);
      out.counts.parking.changed++;
    } else out.counts.parking.unchanged++;
  }
  return out;
}

/** A row that would change a retired building, unit or space, or give a space to a retired unit: 「第 N 行：房屋 X 已停用」. */
function retiredRow(out: Diff, sheet: '房屋' | '车位', row: number, column: string, what: string) {
  out.errors.push({ sheet, row, column, message: `第 ${row} 行：${what}` });
}

/** A day in the file is a Beijing calendar day; stored as that day's first instant. */
export const deliveredInstant = (day: string | null) => (day ? dayStart(day) : null);
