import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { ChoiceGroup } from '../../../components/choice-group';
import { Button, Cell, CellGroup } from '../../../ui';
import { bff } from '../../../session';
import { useAction, useRequest } from '../../../hooks/use-request';
import { now } from '../../../beijing';
import type { BillingPreview } from '../../../api/types';
import { billingPeriods, feeStandard, periodLabel, yuan } from '../../../features/fees/money';
import { BillingRuns } from './billing-runs';

/**
 * Billing for a community: the fee standards in force, then a period's bills: a preview of counts and
 * totals (per item, owners vs developer, what already exists) before anything is made, and a
 * confirmation before the run. Running it again makes nothing new. Below: the period's conflicts and
 * the runs, which a manager can undo (billing-runs.tsx).
 */
export function BillingRun({ communityId, canUndo }: { communityId: string; canUndo: boolean }) {
  const items = useRequest(
    () => bff.feeItems(communityId),
    [communityId],
    (d) => d.items.length === 0,
  );
  const periods = billingPeriods(now());
  const [period, setPeriod] = useState(periods[1]!.value);
  const [preview, setPreview] = useState<BillingPreview>();

  const choose = (p: string | undefined) => {
    if (!p) return;
    setPeriod(p);
    setPreview(undefined);
  };
  const look = useAction(async () => setPreview(await bff.previewBilling(communityId, { period })));
  const generate = useAction(async () => {
    if (!preview) return;
    const { confirm } = await Taro.showModal({
      title: `生成${periodLabel(period)}账单`,
      content: `将生成 ${preview.toCreate.bills} 张账单，合计 ¥${yuan(preview.toCreate.totalFen)}。账单生成后业主即可看到并缴费。`,
      confirmText: '确认生成',
    });
    if (!confirm) return;
    const done = await bff.runBilling(communityId, { period });
    await Taro.showToast({ title: `已生成 ${done.created.bills} 张`, icon: 'success' });
    setPreview(await bff.previewBilling(communityId, { period }));
  });

  return (
    <PageShell request={items} emptyText="还没有收费标准，请小区经理先设置">
      <CellGroup title="收费标准" data-testid="fee-items">
        {(items.data?.items ?? []).map((i) => (
          <Cell
            key={i.id}
            title={i.name}
            description={i.active ? undefined : '已停用'}
            extra={feeStandard(i.kind, i.amountFen)}
          />
        ))}
      </CellGroup>
      <Text className="section-title">生成账单</Text>
      <ChoiceGroup testId="billing-periods" options={periods} value={period} onChange={choose} />
      <View className="actions">
        <Button type="primary" size="large" loading={look.running} onClick={() => void look.run()}>
          预览{periodLabel(period)}账单
        </Button>
      </View>
      {preview && (
        <View data-testid="billing-preview">
          <CellGroup
            title={`${periodLabel(preview.period)}：将新生成 ${preview.toCreate.bills} 张，合计 ¥${yuan(preview.toCreate.totalFen)}`}
          >
            {preview.items.map((i) => (
              <Cell
                key={i.feeItemId}
                title={i.name}
                description={`已有 ${i.all.bills - i.fresh.bills} 张`}
                extra={`${i.fresh.bills} 张 · ¥${yuan(i.fresh.totalFen)}`}
              />
            ))}
            <Cell
              title="业主承担"
              extra={`${preview.byPayer.OWNER.bills} 张 · ¥${yuan(preview.byPayer.OWNER.totalFen)}`}
            />
            <Cell
              title="开发商承担（未交付房屋）"
              extra={`${preview.byPayer.DEVELOPER.bills} 张 · ¥${yuan(preview.byPayer.DEVELOPER.totalFen)}`}
            />
          </CellGroup>
          {preview.toCreate.bills > 0 ? (
            <View className="actions">
              <Button type="primary" size="large" loading={generate.running} onClick={() => void generate.run()}>
                确认生成 {preview.toCreate.bills} 张账单
              </Button>
            </View>
          ) : (
            <Text className="hint">这个账期的账单都已生成（共 {preview.alreadyBilled} 张）</Text>
          )}
        </View>
      )}
      <BillingRuns communityId={communityId} period={period} canUndo={canUndo} />
    </PageShell>
  );
}
