import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { Button } from '../../ui';
import { bff } from '../../session';
import { ApiError } from '../../api/client';
import { useAction, useRequest } from '../../hooks/use-request';
import { BillRow } from './bill-row';
import { groupByPeriod, totalOf } from './money';
import { yuanGrouped as yuan } from '../display/format';
import { payBills, waitUntilPaid } from './pay';
import '../../components/list.css';
import './fees.css';

// paid=1: the receipt opens as the success screen (缴费成功, the amount, the payee).
const receipt = (orderId: string) => void Taro.navigateTo({ url: `/packages/fees/receipt?id=${orderId}&paid=1` });

/**
 * A unit's open bills, oldest first, all selected to begin with; the resident may untick any. One tap
 * pays the selection in one WeChat order; then "确认中" until the BFF has the payment, then the receipt.
 */
export function UnpaidBills({
  unitId,
  refreshKey,
  onPaid,
}: {
  unitId: string;
  refreshKey: number;
  onPaid: () => void;
}) {
  const list = useRequest(
    () => bff.unitBills(unitId, 'unpaid'),
    [unitId, refreshKey],
    (d) => d.items.length === 0,
  );
  const all = list.data?.items ?? [];
  // 前业主欠费 (docs/roles.md, Owners and households): shown apart, never selectable — the office settles them.
  const bills = all.filter((b) => !b.seller);
  const sellers = all.filter((b) => b.seller);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  // Past WeChat's pay sheet: waiting for the BFF to hear of the payment.
  const [confirming, setConfirming] = useState(false);
  useEffect(() => setSelected(new Set(list.data?.items.filter((b) => !b.seller).map((b) => b.id) ?? [])), [list.data]);

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const pay = useAction(async () => {
    try {
      const attempt = await payBills(bills.filter((b) => selected.has(b.id)).map((b) => b.id));
      if (attempt.outcome === 'cancelled') return void list.reload();
      setConfirming(true);
      const done = attempt.outcome === 'paid' || (await waitUntilPaid(attempt.orderId));
      setConfirming(false);
      if (done) {
        onPaid();
        return receipt(attempt.orderId);
      }
      await Taro.showModal({
        title: '支付结果确认中',
        content: '微信尚未通知支付结果。如已付款，请稍后在「缴费记录」查看，无需重复支付。',
        showCancel: false,
        confirmText: '知道了',
      });
      void list.reload();
    } catch (err) {
      setConfirming(false);
      // Some of the chosen bills sit in an unfinished order: choose exactly that order's bills to finish it.
      if (err instanceof ApiError && err.code === 'BILLS_IN_PAYMENT') {
        const orderId = (err.details as { orderId?: string } | undefined)?.orderId;
        setSelected(new Set(bills.filter((b) => b.orderId === orderId).map((b) => b.id)));
        void Taro.showToast({ title: '已选中正在支付的账单，请再点一次支付', icon: 'none' });
      }
    }
  });

  if (list.empty) return <PageShell empty emptyText="没有待缴账单，感谢您按时缴费" />;
  const total = totalOf(bills, selected);
  return (
    <PageShell request={list}>
      <View className="cards" data-testid="unpaid-bills">
        {groupByPeriod(bills).map((g) => (
          <View key={g.period} data-testid="bill-group">
            <Text className="bill-group__title">{g.label}</Text>
            {g.items.map((b) => (
              <BillRow key={b.id} bill={b} checked={selected.has(b.id)} onTap={() => toggle(b.id)} />
            ))}
          </View>
        ))}
        {sellers.length > 0 && (
          <View data-testid="seller-bills">
            <Text className="bill-group__title">前业主欠费</Text>
            <Text className="hint">以下是房屋过户前的欠费，由物业与前业主结清，您无需缴纳</Text>
            {sellers.map((b) => (
              <BillRow key={b.id} bill={b} />
            ))}
          </View>
        )}
      </View>
      <Text className="hint">缴费不影响门禁、电梯、停车、水电等任何服务</Text>
      {bills.length > 0 && (
        <View className="pay-bar">
          <View className="pay-bar__total">
            <Text>合计 </Text>
            <Text className="pay-bar__amount" data-testid="pay-total">
              ¥{yuan(total)}
            </Text>
          </View>
          <Button
            className="pay-button"
            type="primary"
            size="large"
            disabled={selected.size === 0 || pay.running}
            loading={pay.running}
            onClick={() => void pay.run()}
          >
            {confirming ? '确认中…' : `微信支付（${selected.size}笔）`}
          </Button>
        </View>
      )}
    </PageShell>
  );
}
