import { useEffect } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { Icon } from '../../components/icon';
import { Button } from '../../ui';
import { bff } from '../../session';
import { useRequest } from '../../hooks/use-request';
import { shortTime } from '../../beijing';
import { periodLabel } from '../../features/fees/money';
import { yuanGrouped as yuan } from '../../features/display/format';
import { askForPush } from '../../features/push/ask-for-push';
import '../../features/fees/fees.css';

const Row = ({ label, value, testId }: { label: string; value: string; testId?: string }) => (
  <View className="receipt__row" data-testid={testId}>
    <Text>{label}</Text>
    <Text>{value}</Text>
  </View>
);

/** 电子收据: receipt number, the payer's unit, items and periods, amount, time, WeChat's transaction id. */
export default function Receipt() {
  const { params } = useRouter();
  const order = useRequest(() => bff.payOrder(params.id ?? ''), [params.id]);
  const o = order.data;
  // Opened from a push or right after paying: while WeChat's answer (or the receipt number) is on its way, keep asking.
  useEffect(() => {
    if (!o || (o.state !== 'PENDING' && !(o.state === 'PAID' && !o.receiptNo))) return;
    const t = setTimeout(() => void order.reload(), 1500);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- asks again after each answer; reload is a new function every render
  }, [o]);

  if (o && o.state !== 'PAID')
    return (
      <PageShell>
        <View className="receipt" data-testid="receipt-pending">
          <Text className="receipt__title">{o.state === 'PENDING' ? '支付结果确认中…' : '订单已关闭'}</Text>
          <Text className="hint">
            {o.state === 'PENDING' ? '如已付款，请稍候，结果会自动刷新' : '这笔订单未支付，账单已恢复为待缴'}
          </Text>
        </View>
      </PageShell>
    );
  const units = o ? [...new Set(o.items.map((i) => i.unit))].join('、') : '';
  return (
    <PageShell request={order}>
      {o && params.paid === '1' && (
        <View className="paid-banner" data-testid="paid-banner">
          <Icon className="paid-banner__mark" name="success" size={64} color="var(--wyt-success)" />
          <Text className="paid-banner__title">缴费成功</Text>
          <Text className="paid-banner__amount">¥{yuan(o.amountFen)}</Text>
          {o.payee && <Text className="hint">已付给 {o.payee.company}</Text>}
        </View>
      )}
      {o && (
        <View className="receipt" data-testid="receipt">
          <Text className="receipt__title">缴费收据</Text>
          <Row label="收据号" value={o.receiptNo ?? '生成中…'} testId="receipt-no" />
          <Row label="房屋" value={o.payee ? `${o.payee.community} ${units}` : units} />
          {o.payee && <Row label="收款方" value={o.payee.company} testId="receipt-payee" />}
          {o.items.map((i) => (
            <Row
              key={i.billId}
              label={`${i.name} ${periodLabel(i.period, i.opening)}`}
              value={`¥${yuan(i.amountFen + i.lateFeeFen)}`}
            />
          ))}
          <Row label="支付时间" value={shortTime(o.paidAt)} />
          <Row label="支付方式" value="微信支付" />
          <Row label="微信支付单号" value={o.transactionId ?? ''} />
          <View className="receipt__total">
            <Text>合计</Text>
            <Text data-testid="receipt-total">¥{yuan(o.amountFen)}</Text>
          </View>
        </View>
      )}
      <View className="actions actions--wrap">
        <Button
          size="large"
          onClick={() =>
            void bff
              .pushSubscriptions()
              .then(({ templates }) => askForPush([templates.paymentSucceeded.id, templates.arrearsReminder.id]))
          }
        >
          缴费成功和账单到期时提醒我
        </Button>
        <Button
          type="primary"
          size="large"
          onClick={() => void Taro.navigateBack().catch(() => Taro.reLaunch({ url: '/pages/fees/index' }))}
        >
          返回
        </Button>
      </View>
    </PageShell>
  );
}
