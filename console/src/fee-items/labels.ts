import type { FeeItemList } from '../../../bff/src/api-types';

export type FeeItem = FeeItemList['items'][number];
export type FeeKind = FeeItem['kind'];

export const KIND_LABELS: Record<FeeKind, string> = {
  PROPERTY: '物业服务费',
  PARKING: '车位费',
  ONE_OFF: '一次性费用',
  SHARED: '公摊',
};
export const CYCLE_LABELS: Record<string, string> = { MONTH: '按月', QUARTER: '按季', YEAR: '按年' };

/** What the amount is per (bff FeeItem.amountFen): a price per ㎡ a month, per space a month, per unit, or a total. */
export const AMOUNT_UNITS: Record<FeeKind, string> = {
  PROPERTY: '元/㎡·月',
  PARKING: '元/个·月',
  ONE_OFF: '元/户',
  SHARED: '元（按面积分摊的总额）',
};

/** Property and parking fees recur by a cycle; one-off and shared ones are billed when chosen (ZNewFeeItem). */
export const recurring = (kind: FeeKind) => kind === 'PROPERTY' || kind === 'PARKING';
