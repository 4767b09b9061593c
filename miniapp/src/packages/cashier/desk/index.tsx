import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { PageShell } from '../../../components/page-shell';
import { Chips } from '../../../components/chips';
import { bff } from '../../../session';
import { useRequest } from '../../../hooks/use-request';
import { BillingRun } from '../../../features/fees/desk/billing-run';
import { UnitBills } from '../../../features/fees/desk/unit-bills';
import { Reconciliation } from '../../../features/fees/desk/reconciliation';
import '../../../features/fees/fees.css';

/** 收银台: make a period's bills; look a unit up to take money, refund or waive; reconcile a day against WeChat Pay. */
export default function CashierDesk() {
  const { params } = useRouter();
  const communityId = params.communityId ?? '';
  const me = useRequest(() => bff.me(), []);
  const [tab, setTab] = useState<'billing' | 'lookup' | 'reconcile'>('billing');
  if (!communityId) return <PageShell error={new Error('缺少小区参数，请从首页的员工工作台进入')} />;
  const roles = me.data?.staff.find((s) => s.community.id === communityId)?.roles ?? [];
  return (
    <PageShell request={me}>
      <Chips
        testId="desk-tabs"
        options={[
          { value: 'billing' as const, label: '生成账单' },
          { value: 'lookup' as const, label: '查账单 · 退款' },
          { value: 'reconcile' as const, label: '对账' },
        ]}
        value={tab}
        onChange={(v) => v && setTab(v)}
      />
      {tab === 'billing' && <BillingRun communityId={communityId} />}
      {tab === 'lookup' && <UnitBills communityId={communityId} canWaive={roles.includes('MANAGER')} />}
      {tab === 'reconcile' && <Reconciliation />}
    </PageShell>
  );
}
