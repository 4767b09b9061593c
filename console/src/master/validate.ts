/**
 * The BFF's zod rules for master data (bff/src/master/schema.ts), mirrored with the same Chinese messages
 * so the drawer says what is wrong before sending; validate.test.ts checks both agree. The BFF decides.
 */
export type Errors = Record<string, string>;

const AREA = /^\d{1,8}(\.\d{1,2})?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Areas stay text: compared as whole hundredths of m², never as floats (conventions rule 7). */
export const hundredths = (s: string) => {
  const [i = '0', f = ''] = s.trim().split('.');
  return BigInt(i) * 100n + BigInt(f.padEnd(2, '0'));
};

export function areaError(label: string, raw: string): string | undefined {
  const s = raw.trim();
  if (!AREA.test(s)) return `${label}应为数字，最多两位小数，例如 89.50`;
  if (!/[1-9]/.test(s)) return `${label}必须大于 0`;
  return undefined;
}

function textError(label: string, raw: string, max: number, min = 1): string | undefined {
  const n = Array.from(raw.trim()).length;
  if (n < min) return min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字`;
  if (n > max) return `${label}最多 ${max} 个字`;
  return undefined;
}

function intError(label: string, raw: string, min: number, max: number, unit: string): string | undefined {
  if (!/^-?\d+$/.test(raw.trim())) return `${label}必须是整数`;
  const n = Number(raw);
  if (n < min) return `${label}${unit === '层' ? `至少 ${min} 层` : `最低 ${min}`}`;
  if (n > max) return `${label}${unit === '层' ? `最多 ${max} 层` : `最高 ${max}`}`;
  return undefined;
}

const clean = (e: Record<string, string | undefined>): Errors =>
  Object.fromEntries(Object.entries(e).filter((x): x is [string, string] => x[1] !== undefined));

export type CommunityForm = {
  name: string;
  address: string;
  district: string;
  totalBuildingArea: string;
  reason: string;
};
export const checkCommunity = (f: CommunityForm, areaChanged: boolean) =>
  clean({
    name: textError('小区名称', f.name, 40),
    address: textError('地址', f.address, 120),
    district: f.district.trim() ? textError('所在区', f.district, 20) : undefined,
    totalBuildingArea: f.totalBuildingArea.trim() ? areaError('总建筑面积', f.totalBuildingArea) : undefined,
    reason: areaChanged ? textError('变更原因', f.reason, 200, 2) : undefined,
  });

export type BuildingForm = { name: string; buildingType: string; floors: string };
export const checkBuilding = (f: BuildingForm) =>
  clean({
    name: textError('楼栋名称', f.name, 20),
    buildingType: f.buildingType.trim() ? textError('楼栋类型', f.buildingType, 10) : undefined,
    floors: f.floors.trim() ? intError('层数', f.floors, 1, 200, '层') : undefined,
  });

export type UnitForm = {
  buildingId: string;
  number: string;
  floor: string;
  buildingArea: string;
  exclusiveArea: string;
  areaSource: string;
  deliveredAt: string;
  developerHeld: boolean;
  reason: string;
};
export function checkUnit(f: UnitForm, areaChanged: boolean) {
  const e = clean({
    buildingId: f.buildingId ? undefined : '请选择楼栋',
    number: textError('房号', f.number, 20),
    floor: intError('楼层', f.floor, -10, 200, ''),
    buildingArea: areaError('建筑面积', f.buildingArea),
    exclusiveArea: areaError('专有面积', f.exclusiveArea),
    areaSource: ['REGISTERED', 'SURVEYED', 'CONTRACT'].includes(f.areaSource)
      ? undefined
      : '面积来源只能是产权登记、测绘报告或购房合同',
    deliveredAt:
      f.deliveredAt.trim() && (!DAY.test(f.deliveredAt) || Number.isNaN(Date.parse(`${f.deliveredAt}T00:00:00Z`)))
        ? '交付日期格式应为 2026-12-01'
        : undefined,
    reason: areaChanged ? textError('变更原因', f.reason, 200, 2) : undefined,
  });
  if (!e.buildingArea && !e.exclusiveArea && hundredths(f.exclusiveArea) > hundredths(f.buildingArea))
    e.exclusiveArea = '专有面积不能大于建筑面积';
  return e;
}

export type ParkingForm = { number: string; kind: string; area: string; unitId: string; reason: string };
export const checkParking = (f: ParkingForm, areaChanged: boolean) =>
  clean({
    number: textError('车位号', f.number, 20),
    area: f.area.trim() ? areaError('车位面积', f.area) : undefined,
    reason: areaChanged ? textError('变更原因', f.reason, 200, 2) : undefined,
  });
