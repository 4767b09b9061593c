import { z } from 'zod';
import { ZId, ZPageQuery, ZText } from '../http/params.js';

export const ZBuildingParams = z.object({ buildingId: ZId });
export const ZUnitParams = z.object({ unitId: ZId });

export const ZRelation = z.enum(['OWNER', 'CO_OWNER', 'TENANT', 'FAMILY'], '身份只能是业主、共有人、租户或家属');

export const ZCreateBindRequest = z.object({ unitId: ZId, relation: ZRelation }).strict();
export type CreateBindRequest = z.infer<typeof ZCreateBindRequest>;

export const ZBindRequestQueueQuery = ZPageQuery.extend({
  status: z.enum(['PENDING', 'VERIFIED', 'REJECTED'], '状态只能是 PENDING、VERIFIED 或 REJECTED').default('PENDING'),
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
