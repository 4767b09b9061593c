import { useState } from 'react';
import { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
// The shared stylesheets before any component's: every page then bundles them in one order (weapp's common.wxss).
import '../../components/list.css';
import { PageShell } from '../../components/page-shell';
import { ChoiceGroup } from '../../components/choice-group';
import { BindFirst } from '../../components/bind-first';
import { bff } from '../../session';
import { useRequest } from '../../hooks/use-request';
import { usePullRefresh } from '../../hooks/use-pull-refresh';
import { UnpaidBills } from '../../features/fees/unpaid-bills';
import { PaidBills } from '../../features/fees/paid-bills';
import { yuanGrouped as yuan } from '../../features/display/format';
import '../../features/fees/fees.css';

/** 缴费: per unit, the bills to pay (select, pay with WeChat) and the payment history with receipts. */
export default function Fees() {
  const summary = useRequest(
    () => bff.billSummary(),
    [],
    (d) => d.units.length === 0,
  );
  // Opened from a reminder or the home page's 欠费 card: that unit first.
  const [chosenUnit, setChosenUnit] = useState<string | undefined>(useRouter().params.unitId);
  const [tab, setTab] = useState<'unpaid' | 'paid'>('unpaid');
  const [refreshKey, setRefreshKey] = useState(0);
  const refresh = () => {
    setRefreshKey((k) => k + 1);
    return summary.reload();
  };
  usePullRefresh(refresh);
  useDidShow(() => void (summary.data && refresh()));

  const units = summary.data?.units ?? [];
  const unit = units.find((u) => u.unitId === chosenUnit) ?? units[0];
  const unitId = unit?.unitId;
  if (summary.empty)
    return (
      <PageShell>
        <BindFirst reason="绑定房屋后即可查看和缴纳物业费" />
      </PageShell>
    );
  return (
    <PageShell request={summary}>
      {units.length > 1 && (
        <ChoiceGroup
          testId="unit-chips"
          options={units.map((u) => ({
            value: u.unitId,
            label: `${u.label}${u.openBills ? ` · 待缴¥${yuan(u.openFen)}` : ''}`,
          }))}
          value={unitId}
          onChange={(v) => v && setChosenUnit(v)}
        />
      )}
      {unit && (
        <View className="payee" data-testid="payee">
          <Text className="payee__home">{`${unit.community.name} ${unit.label}`}</Text>
          <Text className="payee__company">收款方：{unit.payee}</Text>
        </View>
      )}
      <ChoiceGroup
        testId="fee-tabs"
        options={[
          { value: 'unpaid' as const, label: '待缴账单' },
          { value: 'paid' as const, label: '缴费记录' },
        ]}
        value={tab}
        onChange={(v) => v && setTab(v)}
      />
      {unitId &&
        (tab === 'unpaid' ? (
          <UnpaidBills unitId={unitId} refreshKey={refreshKey} onPaid={() => void refresh()} />
        ) : (
          <PaidBills unitId={unitId} refreshKey={refreshKey} />
        ))}
    </PageShell>
  );
}
