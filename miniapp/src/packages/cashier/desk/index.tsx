import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { PageShell } from '../../../components/page-shell';
import { Chips } from '../../../components/chips';
import { bff } from '../../../session';
import { useRequest } from '../../../hooks/use-request';
import { BillingRun } from '../../../features/fees/desk/billing-run';
import { UnitBills } from '../../../features/fees/desk/unit-bills';
import '../../../features/fees/fees.css';

/** 收银台: make a period's bills, or look a unit up and refund or waive one of its bills. */
export default function CashierDesk() {
  const { params } = useRouter();
  const communityId = params.communityId ?? '';
  const me = useRequest(() => bff.me(), []);
  const [tab, setTab] = useState<'billing' | 'lookup'>('billing');
  if (!communityId) return <PageShell error={new Error('缺少小区参数，请从首页的员工工作台进入')} />;
  const roles = me.data?.staff.find((s) => s.community.id === communityId)?.roles ?? [];
  return (
    <PageShell request={me}>
      <Chips
        testId="desk-tabs"
        options={[
          { value: 'billing' as const, label: '生成账单' },
          { value: 'lookup' as const, label: '查账单 · 退款' },
        ]}
        value={tab}
        onChange={(v) => v && setTab(v)}
      />
      {tab === 'billing' ? <BillingRun communityId={communityId} /> : <UnitBills communityId={communityId} canWaive={roles.includes('MANAGER')} />}
    </PageShell>
  );
}
