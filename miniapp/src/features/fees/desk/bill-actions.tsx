import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '../../../ui';
import { bff } from '../../../session';
import { useAction } from '../../../hooks/use-request';
import type { BillView } from '../../../api/types';
import { parseYuan, yuan } from '../money';
import '../../../components/form.css';
import { inputLabel } from '../../../components/a11y';

/**
 * What the desk can do to one bill: refund (part of) a paid one — at most what is left, with a reason,
 * after a confirmation — or, for a manager, waive an unpaid one with a reason.
 */
export function BillActions({ bill, canWaive, onDone }: { bill: BillView; canWaive: boolean; onDone: () => void }) {
  const refundable = bill.state === 'PAID' || bill.state === 'PARTIALLY_REFUNDED' ? bill.paidFen - bill.refundedFen : 0;
  const [amount, setAmount] = useState(refundable ? yuan(refundable) : '');
  const [reason, setReason] = useState('');
  const fen = parseYuan(amount);
  const waivable = canWaive && bill.state === 'UNPAID';

  const act = useAction(async (what: 'refund' | 'waive') => {
    const { confirm } = await Taro.showModal({
      title: what === 'refund' ? '确认退款' : '确认减免',
      content:
        what === 'refund'
          ? `退还 ¥${yuan(fen ?? 0)} 到业主的微信支付账户，原因：${reason}`
          : `减免 ¥${yuan(bill.amountFen)}，原因：${reason}。减免后不可撤销。`,
      confirmText: what === 'refund' ? '确认退款' : '确认减免',
    });
    if (!confirm) return;
    if (what === 'refund') await bff.refundBill(bill.id, fen!, reason);
    else await bff.waiveBill(bill.id, reason);
    await Taro.showToast({ title: what === 'refund' ? '退款已提交' : '已减免', icon: 'success' });
    onDone();
  });
  if (!refundable && !waivable) return null;

  return (
    <View className="form" data-testid="bill-actions">
      {refundable > 0 && (
        <View className="form__row">
          <Text>退款金额（元，最多 {yuan(refundable)}）</Text>
          <Input
            type="digit"
            value={amount}
            onChange={setAmount}
            {...inputLabel('退款金额（元）')}
            data-testid="refund-amount"
          />
        </View>
      )}
      <View className="form__row">
        <Text>{refundable > 0 ? '退款原因' : '减免原因'}</Text>
        <Input
          value={reason}
          placeholder="至少 2 个字"
          onChange={setReason}
          {...inputLabel(refundable > 0 ? '退款原因' : '减免原因')}
          data-testid="action-reason"
        />
      </View>
      <View className="actions">
        {refundable > 0 && (
          <Button
            type="primary"
            loading={act.running}
            disabled={!fen || fen > refundable || reason.trim().length < 2}
            onClick={() => void act.run('refund')}
          >
            退款
          </Button>
        )}
        {waivable && (
          <Button
            type="warning"
            loading={act.running}
            disabled={reason.trim().length < 4}
            onClick={() => void act.run('waive')}
          >
            减免
          </Button>
        )}
      </View>
    </View>
  );
}
