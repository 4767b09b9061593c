import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { Button, Cell, CellGroup, Input } from '../../../ui';
import { bff } from '../../../session';
import { useAction, useRequest } from '../../../hooks/use-request';
import { shortTime } from '../../../beijing';
import type { BillingRunList } from '../../../api/types';
import { periodLabel, yuan } from '../money';
import '../../../components/form.css';
import { inputLabel } from '../../../components/a11y';

type Run = BillingRunList['items'][number];
const PAYERS = { OWNER: '业主', DEVELOPER: '开发商' } as const;
const months = (l: { payer: keyof typeof PAYERS; firstMonth: string; months: number; amountFen: number }) =>
  `${PAYERS[l.payer]} ${periodLabel(l.firstMonth)}起 ${l.months} 个月 ¥${yuan(l.amountFen)}`;

/**
 * Beside making a period's bills (docs/domain.md §4, Billing runs): the period's **conflicts** — units
 * whose months are billed otherwise than the rule now splits them, settled by hand — and the community's
 * **runs**, newest first. A manager undoes a run with a reason, after a dialog that says what will be
 * removed (its bills, their count and total); the server refuses once any of them is paid, waived or
 * put into a payment, and keeps the run with who undid it and why.
 */
export function BillingRuns({
  communityId,
  period,
  canUndo,
}: {
  communityId: string;
  period: string;
  canUndo: boolean;
}) {
  const runs = useRequest(() => bff.billingRuns(communityId), [communityId]);
  const conflicts = useRequest(() => bff.billingConflicts(communityId, period), [communityId, period]);
  const [reason, setReason] = useState('');
  const undo = useAction(async (run: Run) => {
    const { confirm } = await Taro.showModal({
      title: `撤销${periodLabel(run.period)}的账单生成？`,
      content: `将删除这次生成的 ${run.billCount} 张账单，合计 ¥${yuan(run.totalFen)}，业主将不再看到它们。生成记录会保留（撤销人、时间、原因：${reason.trim()}），之后可重新生成本账期。`,
      confirmText: '确认撤销',
    });
    if (!confirm) return;
    await bff.undoBillingRun(communityId, run.id, reason.trim());
    await Taro.showToast({ title: '已撤销', icon: 'success' });
    setReason('');
    await Promise.all([runs.reload(), conflicts.reload()]);
  });

  return (
    <View>
      <PageShell request={conflicts}>
        <CellGroup title={`${periodLabel(period)}：账单冲突`} data-testid="billing-conflicts">
          {(conflicts.data?.items ?? []).map((c) => (
            <Cell
              key={`${c.unitId}-${c.feeItemId}-${c.parkingSpaceId ?? ''}`}
              title={`${c.unit} · ${c.item}`}
              description={`已开：${c.billed.map(months).join('；')}。现应：${c.now.map(months).join('；')}`}
            />
          ))}
          {conflicts.data?.items.length === 0 && <Cell title="这个账期没有冲突" />}
        </CellGroup>
        {!!conflicts.data?.items.length && <Text className="hint">{conflicts.data.hint}</Text>}
      </PageShell>
      <PageShell request={runs}>
        <CellGroup title="生成记录" data-testid="billing-runs">
          {(runs.data?.items ?? []).map((r) => (
            <Cell
              key={r.id}
              title={`${periodLabel(r.period)} · ${r.billCount} 张 · ¥${yuan(r.totalFen)}`}
              description={
                r.undoneAt
                  ? `已撤销（${shortTime(r.undoneAt)}）：${r.undoReason ?? ''}`
                  : `生成于 ${shortTime(r.createdAt)}`
              }
              extra={
                r.undoneAt ? (
                  '已撤销'
                ) : canUndo ? (
                  <Button
                    size="small"
                    type="warning"
                    loading={undo.running}
                    disabled={reason.trim().length < 4}
                    onClick={() => void undo.run(r)}
                  >
                    撤销
                  </Button>
                ) : undefined
              }
            />
          ))}
        </CellGroup>
        {canUndo && (
          <View className="form__row">
            <Text>撤销原因（撤销前填写，至少 4 个字）</Text>
            <Input
              value={reason}
              placeholder="如：面积数据有误，重新生成"
              onChange={setReason}
              {...inputLabel('撤销原因')}
              data-testid="undo-reason"
            />
          </View>
        )}
        {undo.error && (
          <Text className="hint" data-testid="undo-error">
            {undo.error.message}
          </Text>
        )}
      </PageShell>
    </View>
  );
}
