import { Text, View } from '@tarojs/components';
import type { BillView } from '../../api/types';
import { Tag } from '../../ui';
import { periodLabel } from './money';
import { yuanGrouped as yuan } from '../display/format';
import '../../components/list.css';
import './fees.css';

const STATE_TAG: Record<
  BillView['state'],
  { label: string; type: 'primary' | 'success' | 'warning' | 'default' | 'danger' }
> = {
  UNPAID: { label: '待缴', type: 'danger' },
  PAYING: { label: '支付中', type: 'warning' },
  PAID: { label: '已缴', type: 'success' },
  PARTIALLY_REFUNDED: { label: '部分退款', type: 'default' },
  REFUNDED: { label: '已退款', type: 'default' },
  WAIVED: { label: '已减免', type: 'default' },
};

/** One bill: what, which period, how it was computed, the amount — and a late charge as its own line. */
/** `checked` given: a selectable row with a large tick box; `onTap` alone: a row that opens something. */
export function BillRow({ bill, checked, onTap }: { bill: BillView; checked?: boolean; onTap?: () => void }) {
  const tag = STATE_TAG[bill.state];
  return (
    <View className={`card${checked ? ' card--checked' : ''}`} onClick={onTap} data-testid="bill-row">
      {checked !== undefined && (
        <View className={`card__check${checked ? ' card__check--on' : ''}`}>{checked ? '✓' : ''}</View>
      )}
      <View className="card__main">
        <View className="card__title">
          <Text>{bill.item.name}</Text>
          <Tag type={tag.type}>{tag.label}</Tag>
        </View>
        <Text className="card__sub">
          {periodLabel(bill.period, bill.opening)}
          {bill.months > 1 ? `（${bill.firstMonth} 起 ${bill.months} 个月）` : ''}
        </Text>
        <Text className="card__sub">{bill.detail}</Text>
        {bill.lateFeeFen > 0 && (
          <Text className="bill__late">违约金 ¥{yuan(bill.lateFeeFen)}（按合同约定，单独列示）</Text>
        )}
        {bill.waivedReason && <Text className="card__sub">减免原因：{bill.waivedReason}</Text>}
      </View>
      <View className="card__side">
        <Text className="card__amount">¥{yuan(bill.payableFen)}</Text>
        {bill.receiptOrderId && <Text className="bill__link">查看收据 ›</Text>}
      </View>
    </View>
  );
}
