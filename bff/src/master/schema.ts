import { z } from 'zod';
import { ZId, ZText } from '../http/params.js';

/**
 * Areas travel as decimal text ("89.50"), never as JSON numbers: they are exact decimals in m² with at
 * most two places (docs/master-data.md), and a float would round before the database saw it.
 */
const AREA = /^\d{1,8}(\.\d{1,2})?$/;
/** Whole hundredths of m², exact (no float decides, conventions rule 7). */
const hundredths = (s: string) => {
  const [i = '0', f = ''] = s.split('.');
  return BigInt(i) * 100n + BigInt(f.padEnd(2, '0'));
};
export const ZArea = (label: string) =>
  z
    .string(`${label}请填写数字文字，例如 89.50`)
    .trim()
    .regex(AREA, `${label}应为数字，最多两位小数，例如 89.50`)
    .refine((s) => /[1-9]/.test(s), `${label}必须大于 0`);

const ZName = (label: string, max = 40) => ZText({ max, label });
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ZDay = z
  .string('交付日期格式应为 2026-12-01')
  .regex(DAY, '交付日期格式应为 2026-12-01')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), '交付日期不是有效日期');

export const ZReason = ZText({ min: 2, max: 200, label: '变更原因' });
export const ZRetire = z.object({ reason: ZText({ min: 2, max: 200, label: '停用原因' }) }).strict();

export const ZListQuery = z.object({
  communityId: ZId,
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number('每页条数必须是数字').int().min(1, '每页至少 1 条').max(100, '每页最多 100 条').default(20),
  state: z.enum(['active', 'retired', 'all'], '状态只能是 active、retired 或 all').default('active'),
});
export const ZUnitListQuery = ZListQuery.extend({ buildingId: ZId.optional() }).strict();
export const ZBuildingListQuery = ZListQuery.strict();
export const ZParkingListQuery = ZListQuery.strict();
export type ListQuery = z.infer<typeof ZListQuery>;

const community = {
  name: ZName('小区名称'),
  address: ZName('地址', 120),
  district: ZName('所在区', 20).nullable().optional(),
  totalBuildingArea: ZArea('总建筑面积').nullable().optional(),
};
export const ZCreateCommunity = z.object({ companyId: ZId, ...community }).strict();
export const ZEditCommunity = z
  .object({ ...community, reason: ZReason.optional() })
  .partial()
  .strict();

const building = {
  name: ZName('楼栋名称', 20),
  buildingType: ZName('楼栋类型', 10).nullable().optional(),
  floors: z
    .number('层数必须是整数')
    .int('层数必须是整数')
    .min(1, '层数至少 1 层')
    .max(200, '层数最多 200 层')
    .nullable()
    .optional(),
};
export const ZCreateBuilding = z.object({ communityId: ZId, ...building }).strict();
export const ZEditBuilding = z.object(building).partial().strict();

export const AREA_SOURCES = ['REGISTERED', 'SURVEYED', 'CONTRACT'] as const;
const unit = {
  buildingId: ZId,
  number: ZName('房号', 20),
  floor: z.number('楼层必须是整数').int('楼层必须是整数').min(-10, '楼层最低 -10').max(200, '楼层最高 200'),
  buildingArea: ZArea('建筑面积'),
  exclusiveArea: ZArea('专有面积'),
  areaSource: z.enum(AREA_SOURCES, '面积来源只能是产权登记、测绘报告或购房合同'),
  deliveredAt: ZDay.nullable().optional(),
  developerHeld: z.boolean('开发商持有只能是是或否').default(false),
};
const exclusiveWithin = (u: { buildingArea?: string; exclusiveArea?: string }) =>
  !u.buildingArea ||
  !u.exclusiveArea ||
  !AREA.test(u.buildingArea) ||
  !AREA.test(u.exclusiveArea) ||
  hundredths(u.exclusiveArea) <= hundredths(u.buildingArea);
const EXCLUSIVE = { message: '专有面积不能大于建筑面积', path: ['exclusiveArea'] };
export const ZCreateUnit = z.object(unit).strict().refine(exclusiveWithin, EXCLUSIVE);
/** An area or its source changed needs a reason (docs/master-data.md): checked where the old values are known. */
export const ZEditUnit = z
  .object({ ...unit, developerHeld: z.boolean('开发商持有只能是是或否'), reason: ZReason })
  .partial()
  .strict()
  .refine(exclusiveWithin, EXCLUSIVE);

const parking = {
  number: ZName('车位号', 20),
  kind: z.enum(['OWNED', 'RENTED'], '车位类型只能是产权车位或租赁车位').nullable().optional(),
  area: ZArea('车位面积').nullable().optional(),
  unitId: ZId.nullable().optional(),
};
export const ZCreateParking = z.object({ communityId: ZId, ...parking }).strict();
export const ZEditParking = z
  .object({ ...parking, reason: ZReason })
  .partial()
  .strict();
