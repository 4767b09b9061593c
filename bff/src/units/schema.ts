import { z } from 'zod';
import { ZId, ZPageQuery, ZText } from '../http/params.js';
import { ZPhone } from '../roles/schema.js';

export const ZBuildingParams = z.object({ buildingId: ZId });
export const ZUnitParams = z.object({ unitId: ZId });

export const ZRelation = z.enum(['OWNER', 'CO_OWNER', 'TENANT', 'FAMILY'], '身份只能是业主、共有人、租户或家属');

export const ZCreateBindRequest = z.object({ unitId: ZId, relation: ZRelation }).strict();
export type CreateBindRequest = z.infer<typeof ZCreateBindRequest>;

export const ZBindRequestQueueQuery = ZPageQuery.extend({
  status: z
    .enum(['PENDING', 'VERIFIED', 'REJECTED', 'ENDED'], '状态只能是 PENDING、VERIFIED、REJECTED 或 ENDED')
    .default('PENDING'),
}).strict();
export type BindRequestQueueQuery = z.infer<typeof ZBindRequestQueueQuery>;

export const ZDecideBindRequest = z.discriminatedUnion(
  'decision',
  [
    z.object({ decision: z.literal('approve') }).strict(),
    z.object({ decision: z.literal('reject'), reason: ZText({ max: 200, label: '驳回原因' }) }).strict(),
  ],
  '处理结果只能是 approve 或 reject',
);
export type DecideBindRequest = z.infer<typeof ZDecideBindRequest>;

/** A sale of the unit (docs/roles.md, Ownership transfer): the first owner is 业主, the others 共有人. */
export const ZRecordTransfer = z
  .object({
    owners: z
      .array(z.object({ name: ZText({ max: 50, label: '新业主姓名' }), phone: ZPhone }).strict(), '请填写新业主')
      .min(1, '请至少填写一位新业主')
      .max(10, '新业主最多 10 位')
      .refine((o) => new Set(o.map((x) => x.phone)).size === o.length, '新业主的手机号重复了'),
    onDate: z.iso.date('过户日期格式应为 YYYY-MM-DD'),
    reason: ZText({ max: 200, label: '过户原因' }),
    evidence: ZText({ max: 500, label: '证明材料' }),
  })
  .strict();
export type RecordTransfer = z.infer<typeof ZRecordTransfer>;

export const ZHouseholdParams = z.object({ unitId: ZId, membershipId: ZId });

/** The owner's decision on a family member's or tenant's request; the same shape as the office's. */
export const ZDecideHousehold = ZDecideBindRequest;

export const ZRemoveHouseholdMember = z.object({ reason: ZText({ max: 200, label: '移除原因' }).optional() }).strict();
