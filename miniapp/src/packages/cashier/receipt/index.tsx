import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
// The shared stylesheets before any component's: every page then bundles them in one order (weapp's common.wxss).
import '../../../components/form.css';
import { PageShell } from '../../../components/page-shell';
import { Button, Input } from '../../../ui';
import { bff } from '../../../session';
import { useAction, useRequest } from '../../../hooks/use-request';
import { shortTime } from '../../../beijing';
import { periodLabel, yuan } from '../../../features/fees/money';
import '../../../features/fees/fees.css';
import { inputLabel } from '../../../components/a11y';

const CHANNEL = { CASH: '现金', TRANSFER: '转账', POS: '刷卡' } as const;
const STATE = { RECORDED: '', VOID_REQUESTED: '（作废审批中）', VOIDED: '（已作废）' } as const;

/**
 * A counter receipt to print (H5 at the desk: the print stylesheet shows the receipt only); parking
 * charges are listed on their own as the dedicated parking receipt. A void is asked for here with a
 * reason, and approved by a second person (a manager).
 */
export default function CounterReceiptPage() {
  const { params } = useRouter();
  const receipt = useRequest(() => bff.counterPayment(params.id ?? ''), [params.id]);
  const [reason, setReason] = useState('');
  const r = receipt.data;
  const act = useAction(async (what: 'void' | 'approve') => {
    const { confirm } = await Taro.showModal({
      title: what === 'void' ? '申请作废' : '批准作废',
      content: what === 'void' ? `作废收据 ${r!.receiptNo}，原因：${reason}` : `作废后账单恢复为未缴，不可撤销`,
      confirmText: '确认',
    });
    if (!confirm) return;
    await (what === 'void' ? bff.requestVoid(r!.id, reason) : bff.approveVoid(r!.id));
    await receipt.reload();
  });
  const line = (i: NonNullable<typeof r>['items'][number]) => (
    <View className="receipt__row" key={i.billId}>
      <Text>{`${i.name} ${periodLabel(i.period, i.opening)}`}</Text>
      <Text>¥{yuan(i.amountFen)}</Text>
    </View>
  );
  const parking = r?.items.filter((i) => i.kind === 'PARKING') ?? [];
  return (
    <PageShell request={receipt}>
      {r && (
        <View className="receipt print-area" data-testid="counter-receipt">
          <Text className="receipt__title">收款收据{STATE[r.state]}</Text>
          <View className="receipt__row" data-testid="counter-receipt-no">
            <Text>收据号</Text>
            <Text>{r.receiptNo}</Text>
          </View>
          <View className="receipt__row">
            <Text>房屋</Text>
            <Text>{r.items[0]?.unit}</Text>
          </View>
          {r.items.filter((i) => i.kind !== 'PARKING').map(line)}
          {parking.length > 0 && <Text className="receipt__title">停车费（专用收据联）</Text>}
          {parking.map(line)}
          <View className="receipt__row" data-testid="counter-receipt-payer">
            <Text>缴款方</Text>
            <Text>{r.payer === 'DEVELOPER' ? '开发商（房屋未交付）' : '业主'}</Text>
          </View>
          <View className="receipt__row">
            <Text>收款方式</Text>
            <Text>{CHANNEL[r.channel]}</Text>
          </View>
          <View className="receipt__row">
            <Text>收款时间</Text>
            <Text>{shortTime(r.takenAt)}</Text>
          </View>
          {r.payerName && (
            <View className="receipt__row">
              <Text>缴款人</Text>
              <Text>{r.payerName}</Text>
            </View>
          )}
          <View className="receipt__total">
            <Text>合计</Text>
            <Text data-testid="counter-receipt-total">¥{yuan(r.amountFen)}</Text>
          </View>
        </View>
      )}
      {r && (
        <View className="actions actions--wrap no-print">
          {process.env.TARO_ENV === 'h5' && (
            <Button type="primary" size="large" onClick={() => window.print()}>
              打印收据
            </Button>
          )}
          {r.state === 'VOID_REQUESTED' && (
            <Button size="large" disabled={act.running} onClick={() => void act.run('approve')}>
              批准作废（经理）
            </Button>
          )}
        </View>
      )}
      {r?.state === 'RECORDED' && (
        <View className="form no-print">
          <View className="form__row">
            <Text>作废原因</Text>
            <Input {...inputLabel('作废原因')} value={reason} placeholder="至少 4 个字" onChange={setReason} />
          </View>
          <View className="actions">
            <Button disabled={reason.trim().length < 4 || act.running} onClick={() => void act.run('void')}>
              申请作废
            </Button>
          </View>
        </View>
      )}
    </PageShell>
  );
}
