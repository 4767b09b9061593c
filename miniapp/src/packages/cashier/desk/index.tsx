import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
// The shared stylesheets before any component's: every page then bundles them in one order (weapp's common.wxss).
import '../../../components/list.css';
import '../../../components/form.css';
import { Button } from '../../../ui';
import { PageShell } from '../../../components/page-shell';
import { ChoiceGroup } from '../../../components/choice-group';
import { bff, logout } from '../../../session';
import { useRequest } from '../../../hooks/use-request';
import { BillingRun } from '../../../features/fees/desk/billing-run';
import { UnitBills } from '../../../features/fees/desk/unit-bills';
import { Reconciliation } from '../../../features/fees/desk/reconciliation';
import { Reports } from '../../../features/fees/desk/reports';
import { Arrears } from '../../../features/fees/desk/arrears';
import '../../../features/fees/desk/desk.css';
import '../../../features/fees/fees.css';

/** 收银台: make a period's bills; look a unit up to take money, refund or waive; reconcile a day against WeChat Pay; reports; arrears reminders. */
export default function CashierDesk() {
  const { params } = useRouter();
  const me = useRequest(() => bff.me(), []);
  const [tab, setTab] = useState<'billing' | 'lookup' | 'reconcile' | 'reports' | 'arrears'>('billing');
  // Opened without a community (a desk that just signed in): the first one this person keeps the till for.
  const communityId =
    params.communityId ??
    me.data?.staff.find((s) => s.roles.includes('CASHIER') || s.roles.includes('MANAGER'))?.community.id ??
    '';
  if (me.data && !communityId)
    return <PageShell error={new Error('你没有可管理收费的小区，请从首页的员工工作台进入')} />;
  const staffing = me.data?.staff.find((s) => s.community.id === communityId);
  const roles = staffing?.roles ?? [];

  async function leave() {
    const { confirm } = await Taro.showModal({
      title: '退出收银台？',
      content: '退出后需重新扫码登录。',
      confirmText: '退出登录',
    });
    if (!confirm) return;
    await logout();
    await Taro.reLaunch({ url: '/packages/cashier/login/index' });
  }

  return (
    <PageShell request={me}>
      {me.data?.desk && (
        <View className="desk-bar" data-testid="desk-bar">
          <Text>
            {staffing?.community.name} · {me.data.name ?? '工作人员'}
          </Text>
          <Button size="small" onClick={() => void leave()}>
            退出登录
          </Button>
        </View>
      )}
      <ChoiceGroup
        testId="desk-tabs"
        options={[
          { value: 'billing' as const, label: '生成账单' },
          { value: 'lookup' as const, label: '查账单 · 退款' },
          { value: 'reconcile' as const, label: '对账' },
          { value: 'reports' as const, label: '报表' },
          { value: 'arrears' as const, label: '欠费催缴' },
        ]}
        value={tab}
        onChange={(v) => v && setTab(v)}
      />
      {tab === 'billing' && <BillingRun communityId={communityId} canUndo={roles.includes('MANAGER')} />}
      {tab === 'lookup' && <UnitBills communityId={communityId} canWaive={roles.includes('MANAGER')} />}
      {tab === 'reconcile' && <Reconciliation />}
      {tab === 'reports' && <Reports communityId={communityId} />}
      {tab === 'arrears' && <Arrears communityId={communityId} />}
      {me.data && !me.data.desk && (
        <Text
          className="hint"
          onClick={() => void Taro.navigateTo({ url: '/packages/staff/desk-login/index' })}
          data-testid="desk-logins-link"
        >
          在电脑上使用收银台：电脑浏览器打开物业通，用微信扫码登录。管理已登录的电脑 ›
        </Text>
      )}
    </PageShell>
  );
}
