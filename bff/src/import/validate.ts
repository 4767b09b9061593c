import type { AreaSource, MemberRelation, ParkingKind } from '@prisma/client';
import { parsePeriod } from '../fees/periods.js';
import { AREA_SOURCES, OWNER_RELATIONS, PARKING_KINDS, type SheetName } from './columns.js';
import { parseArea, parseDay, parsePhone, parseYuan } from './normalise.js';
import type { Cell, SheetRows } from './read-file.js';

export type RowError = { sheet: SheetName; row: number; column: string; message: string };

export type UnitRec = {
  row: number;
  building: string;
  buildingType: string | null;
  number: string;
  floor: number;
  buildingArea: string;
  exclusiveArea: string;
  areaSource: AreaSource | null;
  deliveredDay: string | null;
};
export type OwnerRec = {
  row: number;
  building: string;
  number: string;
  name: string;
  phone: string;
  relation: MemberRelation;
  /** 过户日期: the row's owners bought the unit on this day (docs/import.md, Transfers). */
  transferDay: string | null;
};
export type ParkingRec = {
  row: number;
  number: string;
  kind: ParkingKind | null;
  area: string | null;
  building: string | null;
  unitNumber: string | null;
};
export type ArrearsRec = {
  row: number;
  building: string;
  number: string;
  feeItem: string;
  period: string;
  amountFen: number;
};
export type Records = { units: UnitRec[]; owners: OwnerRec[]; parking: ParkingRec[]; arrears: ArrearsRec[] };

const text = (c: Cell): string => (c === null ? '' : typeof c === 'object' ? c.day : String(c));

/** Reads one row's cells by header, recording each problem once as "第 N 行「列」…". */
class RowReader {
  constructor(
    private readonly sheet: SheetRows,
    private readonly row: { row: number; cells: Cell[] },
    private readonly errors: RowError[],
  ) {}
  ok = true;

  fail(column: string, problem: string) {
    this.ok = false;
    this.errors.push({
      sheet: this.sheet.spec.name,
      row: this.row.row,
      column,
      message: `第 ${this.row.row} 行「${column}」${problem}`,
    });
  }

  raw(column: string): Cell {
    return this.row.cells[this.sheet.spec.columns.findIndex((c) => c.header === column)] ?? null;
  }

  /** Text of at most `max` characters; required ones must not be empty. */
  str(column: string, max: number, required = true): string | null {
    const v = text(this.raw(column));
    if (v === '') return required ? (this.fail(column, '不能为空'), null) : null;
    if (Array.from(v).length > max) return (this.fail(column, `不能超过 ${max} 个字`), null);
    return v;
  }

  parsed<T>(column: string, parse: (s: string) => T | null, problem: string, required = true): T | null {
    const v = text(this.raw(column));
    if (v === '') return required ? (this.fail(column, '不能为空'), null) : null;
    const out = parse(v);
    if (out === null) this.fail(column, problem);
    return out;
  }

  choice<T>(column: string, options: Record<string, T>): T | null {
    const v = text(this.raw(column));
    if (v === '') return null;
    if (!(v in options)) return (this.fail(column, `只能是 ${Object.keys(options).join('、')}`), null);
    return options[v]!;
  }

  day(column: string): string | null {
    const c = this.raw(column);
    if (c !== null && typeof c === 'object') return c.day;
    return this.parsed(column, parseDay, '不是日期（如 2024-06-30）', false);
  }
}

const floorOf = (s: string) => (/^-?\d{1,3}$/.test(s) && Number(s) !== 0 ? Number(s) : null);
const areaOf = (s: string) => (/^\d+(\.\d+)?$/.test(s) ? parseArea(s) : null);
const AREA_PROBLEM = '不是数字，或超过两位小数，或为 0';

function unitRow(r: RowReader): Omit<UnitRec, 'row'> | null {
  const building = r.str('楼栋', 30);
  const buildingType = r.str('楼栋类型', 10, false);
  const number = r.str('房号', 20);
  const floor = r.parsed('楼层', floorOf, '不是整数楼层（地下层写负数，不能为 0）');
  const buildingArea = r.parsed('建筑面积', areaOf, AREA_PROBLEM);
  const exclusiveArea = r.parsed('专有面积', areaOf, AREA_PROBLEM);
  const areaSource = r.choice('面积来源', AREA_SOURCES);
  const deliveredDay = r.day('交付日期');
  if (buildingArea && exclusiveArea && Number(exclusiveArea) > Number(buildingArea))
    r.fail('专有面积', `${exclusiveArea} 大于建筑面积 ${buildingArea}`);
  if (!r.ok) return null;
  return {
    building: building!,
    buildingType,
    number: number!,
    floor: floor!,
    buildingArea: buildingArea!,
    exclusiveArea: exclusiveArea!,
    areaSource,
    deliveredDay,
  };
}

function ownerRow(r: RowReader): Omit<OwnerRec, 'row'> | null {
  const building = r.str('楼栋', 30);
  const number = r.str('房号', 20);
  const name = r.str('姓名', 50);
  const phone = r.parsed('手机号', parsePhone, '不是有效的手机号');
  const relation = r.choice('身份', OWNER_RELATIONS) ?? 'OWNER';
  const transferDay = r.day('过户日期');
  if (!r.ok) return null;
  return { building: building!, number: number!, name: name!, phone: phone!, relation, transferDay };
}

function parkingRow(r: RowReader): Omit<ParkingRec, 'row'> | null {
  const number = r.str('车位号', 30);
  const kind = r.choice('类型', PARKING_KINDS);
  const area = r.parsed('面积', areaOf, AREA_PROBLEM, false);
  const building = r.str('楼栋', 30, false);
  const unitNumber = r.str('房号', 20, false);
  if ((building === null) !== (unitNumber === null))
    r.fail(building ? '房号' : '楼栋', '楼栋和房号要同时填写或同时留空');
  if (!r.ok) return null;
  return { number: number!, kind, area, building, unitNumber };
}

function arrearsRow(r: RowReader): Omit<ArrearsRec, 'row'> | null {
  const building = r.str('楼栋', 30);
  const number = r.str('房号', 20);
  const feeItem = r.str('收费项目', 50);
  const period = r.parsed('账期', (s) => (parsePeriod(s) ? s : null), '不是账期（如 2026-05、2026-Q2 或 2026）');
  const amountFen = r.parsed(
    '金额',
    (s) => {
      const f = parseYuan(s);
      return f ? f : null;
    },
    '不是金额（元，最多两位小数，大于 0）',
  );
  if (!r.ok) return null;
  return { building: building!, number: number!, feeItem: feeItem!, period: period!, amountFen: amountFen! };
}

/** Each sheet's rows as records; every problem a row has, and rows that repeat an earlier one. */
export function validate(sheets: Map<SheetName, SheetRows>): { records: Records; errors: RowError[] } {
  const errors: RowError[] = [];
  const records: Records = { units: [], owners: [], parking: [], arrears: [] };
  const each = <T>(
    name: SheetName,
    read: (r: RowReader) => T | null,
    key: (t: T) => string,
    keyColumn: string,
    into: (T & { row: number })[],
  ) => {
    const sheet = sheets.get(name);
    if (!sheet) return;
    const seen = new Map<string, number>();
    for (const row of sheet.rows) {
      const reader = new RowReader(sheet, row, errors);
      const rec = read(reader);
      if (!rec) continue;
      const k = key(rec);
      const first = seen.get(k);
      if (first !== undefined) {
        reader.fail(keyColumn, `与第 ${first} 行重复`);
        continue;
      }
      seen.set(k, row.row);
      into.push({ ...rec, row: row.row });
    }
  };
  each('房屋', unitRow, (u) => `${u.building}\u0000${u.number}`, '房号', records.units);
  each('业主', ownerRow, (o) => `${o.building}\u0000${o.number}\u0000${o.phone}`, '手机号', records.owners);
  each('车位', parkingRow, (p) => p.number, '车位号', records.parking);
  each(
    '期初欠费',
    arrearsRow,
    (a) => `${a.building}\u0000${a.number}\u0000${a.feeItem}\u0000${a.period}`,
    '账期',
    records.arrears,
  );
  return { records, errors };
}
