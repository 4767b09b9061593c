import { z } from 'zod';

export const ZId = z.uuid('ID 格式不正确');

export const ZCommunityParams = z.object({ communityId: ZId });
export const ZBuildingParams = z.object({ buildingId: ZId });
export const ZUnitParams = z.object({ unitId: ZId });
export const ZBindRequestParams = z.object({ id: ZId });

export const ZRelation = z.enum(['OWNER', 'CO_OWNER', 'TENANT', 'FAMILY'], '身份只能是业主、共有人、租户或家属');

export const ZCreateBindRequest = z.object({ unitId: ZId, relation: ZRelation }).strict();
export type CreateBindRequest = z.infer<typeof ZCreateBindRequest>;

export const ZListBindRequestsQuery = z.object({
  status: z.enum(['PENDING', 'VERIFIED', 'REJECTED'], '状态只能是 PENDING、VERIFIED 或 REJECTED').default('PENDING'),
});

export const ZDecideBindRequest = z.discriminatedUnion(
  'decision',
  [
    z.object({ decision: z.literal('approve') }).strict(),
    z.object({ decision: z.literal('reject'), reason: z.string().trim().min(1, '请填写驳回原因').max(200) }).strict(),
  ],
  '处理结果只能是 approve 或 reject',
);
export type DecideBindRequest = z.infer<typeof ZDecideBindRequest>;
