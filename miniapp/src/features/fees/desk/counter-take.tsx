import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Chips } from '../../../components/chips';
import { Button, Input } from '../../../ui';
import { bff } from '../../../session';
import { useAction } from '../../../hooks/use-request';
import type { BillView } from '../../../api/types';
import { periodLabel, yuan } from '../money';
import '../../../components/form.css';

const CHANNELS = [
  { value: 'CASH' as const, label: '现金' },
  { value: 'TRANSFER' as const, label: '转账' },
  { value: 'POS' as const, label: '刷卡' },
];

/**
 * Money taken at the desk for the owner's open bills, oldest first (Civil Code art. 560): the choices are
 * "the oldest 1, 2, … n bills" with their totals, so what is taken always settles whole bills.
 */
export function CounterTake({
  communityId,
  unitId,
  bills,
}: {
  communityId: string;
  unitId: string;
  bills: BillView[];
}) {
  const open = bills.filter((b) => b.payer === 'OWNER' && (b.state === 'UNPAID' || b.state === 'PAYING'));
  const [count, setCount] = useState<number>();
  const [channel, setChannel] = useState<'CASH' | 'TRANSFER' | 'POS'>('CASH');
  const [payerName, setPayerName] = useState('');
  const steps = open.map((b, i) => ({
    n: i + 1,
    fen: open.slice(0, i + 1).reduce((s, x) => s + x.payableFen, 0),
    to: b.period,
  }));
  const chosen = steps.find((s) => s.n === count);

  const take = useAction(async () => {
    if (!chosen) return;
    const { confirm } = await Taro.showModal({
      title: '确认收款',
      content: `${CHANNELS.find((c) => c.value === channel)!.label}收款 ¥${yuan(chosen.fen)}，缴清最早的 ${chosen.n} 笔账单（至${periodLabel(chosen.to)}）`,
      confirmText: '确认收款',
    });
    if (!confirm) return;
    const receipt = await bff.takeCounterPayment(communityId, {
      unitId,
      channel,
      amountFen: chosen.fen,
      ...(payerName.trim() ? { payerName: payerName.trim() } : {}),
    });
    await Taro.navigateTo({ url: `/packages/cashier/receipt/index?id=${receipt.id}` });
  });
  if (open.length === 0) return null;

  return (
    <View className="form" data-testid="counter-take">
      <Text className="section-title">柜台收款</Text>
      <Chips
        testId="counter-steps"
        options={steps.map((s) => ({ value: String(s.n), label: `${s.n} 笔 ¥${yuan(s.fen)}` }))}
        value={count ? String(count) : undefined}
        onChange={(v) => v && setCount(Number(v))}
      />
      <Chips testId="counter-channel" options={CHANNELS} value={channel} onChange={(v) => v && setChannel(v)} />
      <View className="form__row">
        <Text>缴款人（选填）</Text>
        <Input value={payerName} placeholder="姓名" onChange={setPayerName} data-testid="counter-payer" />
      </View>
      <View className="actions">
        <Button type="primary" size="large" loading={take.running} disabled={!chosen} onClick={() => void take.run()}>
          {chosen ? `确认收款 ¥${yuan(chosen.fen)}` : '请选择缴几笔'}
        </Button>
      </View>
    </View>
  );
}
