import { z } from 'zod';
import { ZId, ZPageQuery, ZText } from '../http/params.js';
import { parsePeriod } from './periods.js';

export const ZPeriod = z
  .string('请选择账期')
  .refine((s) => parsePeriod(s) !== null, '账期格式应为 2026-12（月）、2026-Q4（季）或 2026（年）');

const ZFen = (label: string) =>
  z
    .number(`${label}必须是数字（单位：分）`)
    .int(`${label}必须是整数分`)
    .min(1, `${label}必须大于 0`)
    .max(1_000_000_000, `${label}过大`);

export const ZNewFeeItem = z
  .object({
    kind: z.enum(['PROPERTY', 'PARKING', 'ONE_OFF', 'SHARED'], '请选择收费类型'),
    name: ZText({ max: 40, label: '收费项目名称' }),
    amountFen: ZFen('金额'),
    cycle: z.enum(['MONTH', 'QUARTER', 'YEAR'], '请选择计费周期').optional(),
    buildingType: ZText({ max: 20, label: '楼栋类型' }).optional(),
  })
  .refine((f) => (f.kind === 'PROPERTY' || f.kind === 'PARKING') === (f.cycle !== undefined), {
    message: '物业费和车位费需要计费周期，一次性费用和公摊不需要',
    path: ['cycle'],
  })
  .refine((f) => f.kind === 'PROPERTY' || f.buildingType === undefined, {
    message: '只有物业服务费可以按楼栋类型定价',
    path: ['buildingType'],
  });
export type NewFeeItem = z.infer<typeof ZNewFeeItem>;

export const ZBillingRequest = z.object({
  period: ZPeriod,
  /** Recurring items of the period's cycle are billed by default; one-off and shared items only when listed here. */
  feeItemIds: z.array(ZId).max(50, '一次最多 50 个收费项目').optional(),
});
export type BillingRequest = z.infer<typeof ZBillingRequest>;

export const ZBillListQuery = ZPageQuery.extend({
  unitId: ZId,
  status: z.enum(['unpaid', 'paid'], '状态只能是 unpaid 或 paid').default('unpaid'),
});

export const ZWaive = z.object({ reason: ZText({ min: 4, max: 200, label: '减免原因' }) });

/** A contractual late charge (docs/domain.md §4): off by default; when on, a daily rate and a cap on the principal. */
export const ZFeeSettings = z
  .object({
    lateFeeEnabled: z.boolean('请选择是否收取违约金'),
    lateFeeBpsPerDay: z
      .number()
      .int('日费率以万分之一为单位，须为整数')
      .min(0)
      .max(10, '日费率最高万分之十（0.1%/日）'),
    lateFeeCapBps: z
      .number()
      .int('上限以万分之一为单位，须为整数')
      .min(0)
      .max(3000, '违约金上限最高为本金的 30%（过高的违约金会被法院调减）'),
    lateFeeGraceDays: z.number().int('宽限天数须为整数').min(0).max(365, '宽限期最长 365 天'),
  })
  .refine((s) => !s.lateFeeEnabled || (s.lateFeeBpsPerDay > 0 && s.lateFeeCapBps > 0), {
    message: '开启违约金时须填写日费率和上限',
    path: ['lateFeeBpsPerDay'],
  });
