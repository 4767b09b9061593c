import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ChoiceGroup } from '../../../components/choice-group';
import { Button, Input } from '../../../ui';
import { bff } from '../../../session';
import { useAction } from '../../../hooks/use-request';
import type { BillView } from '../../../api/types';
import { periodLabel, yuan } from '../money';
import '../../../components/form.css';
import { inputLabel } from '../../../components/a11y';

const CHANNELS = [
  { value: 'CASH' as const, label: '现金' },
  { value: 'TRANSFER' as const, label: '转账' },
  { value: 'POS' as const, label: '刷卡' },
];

const PAYERS = { OWNER: '业主', DEVELOPER: '开发商' } as const;
type Payer = keyof typeof PAYERS;

/**
 * Money taken at the desk for the unit's open bills of one payer — the owner's, or the developer's for
 * months before delivery (its only way to pay; docs/domain.md §4, Developers pay at the counter) — oldest
 * first (Civil Code art. 560): the choices are "the oldest 1, 2, … n bills" with their totals, so what is
 * taken always settles whole bills. The cashier switches between 业主 and 开发商 when the unit has both;
 * a unit the developer still holds shows the developer's bills.
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
  const unpaid = bills.filter((b) => b.state === 'UNPAID' || b.state === 'PAYING');
  const payers = (Object.keys(PAYERS) as Payer[]).filter((p) => unpaid.some((b) => b.payer === p));
  const [picked, setPicked] = useState<Payer>();
  const payer = picked && payers.includes(picked) ? picked : (payers[0] ?? 'OWNER');
  const open = unpaid.filter((b) => b.payer === payer);
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
      content: `${PAYERS[payer]}缴款：${CHANNELS.find((c) => c.value === channel)!.label}收款 ¥${yuan(chosen.fen)}，缴清${PAYERS[payer]}最早的 ${chosen.n} 笔账单（至${periodLabel(chosen.to)}）`,
      confirmText: '确认收款',
    });
    if (!confirm) return;
    const receipt = await bff.takeCounterPayment(communityId, {
      unitId,
      channel,
      amountFen: chosen.fen,
      payer,
      ...(payerName.trim() ? { payerName: payerName.trim() } : {}),
    });
    await Taro.navigateTo({ url: `/packages/cashier/receipt/index?id=${receipt.id}` });
  });
  if (open.length === 0) return null;

  return (
    <View className="form" data-testid="counter-take">
      <Text className="section-title">柜台收款</Text>
      <ChoiceGroup
        testId="counter-payer-kind"
        options={payers.map((p) => ({
          value: p,
          label: `${PAYERS[p]}（${unpaid.filter((b) => b.payer === p).length} 笔）`,
        }))}
        value={payer}
        onChange={(v) => v && (setPicked(v), setCount(undefined))}
      />
      <ChoiceGroup
        testId="counter-steps"
        options={steps.map((s) => ({ value: String(s.n), label: `${s.n} 笔 ¥${yuan(s.fen)}` }))}
        value={count ? String(count) : undefined}
        onChange={(v) => v && setCount(Number(v))}
      />
      <ChoiceGroup testId="counter-channel" options={CHANNELS} value={channel} onChange={(v) => v && setChannel(v)} />
      <View className="form__row">
        <Text>缴款人（选填）</Text>
        <Input
          value={payerName}
          placeholder={payer === 'DEVELOPER' ? '开发商单位名称' : '姓名'}
          onChange={setPayerName}
          {...inputLabel('缴款人')}
          data-testid="counter-payer"
        />
      </View>
      <View className="actions">
        <Button type="primary" size="large" loading={take.running} disabled={!chosen} onClick={() => void take.run()}>
          {chosen ? `确认收款 ¥${yuan(chosen.fen)}` : `请选择${PAYERS[payer]}缴几笔`}
        </Button>
      </View>
    </View>
  );
}
