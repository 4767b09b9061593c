import { useState } from 'react';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { Button, Cell, CellGroup, Input } from '../../../ui';
import { bff } from '../../../session';
import { useAction, useRequest } from '../../../hooks/use-request';
import { RELATION_LABELS } from '../../../roles';

/** The manager's queue of bind requests: requesters masked, approve or reject with a reason. */
export default function BindRequests() {
  const { params } = useRouter();
  const communityId = params.communityId ?? '';
  const [reason, setReason] = useState('');
  const queue = useRequest(() => bff.staffBindRequests(communityId).then((r) => r.items), [communityId], (l) => l.length === 0);
  const decide = useAction(async (id: string, approve: boolean) => {
    if (!approve && !reason.trim()) return void Taro.showToast({ title: '请先填写驳回原因', icon: 'none' });
    await bff.decideBindRequest(id, approve ? { decision: 'approve' } : { decision: 'reject', reason: reason.trim() });
    await Taro.showToast({ title: approve ? '已通过' : '已驳回', icon: 'none' });
    await queue.reload();
  });
  usePullDownRefresh(async () => {
    await queue.reload();
    Taro.stopPullDownRefresh();
  });

  return (
    <PageShell loading={queue.loading && !queue.data} error={queue.error} onRetry={queue.reload} empty={queue.empty} emptyText="没有待审核的绑定申请">
      <Input placeholder="驳回原因（驳回时必填）" value={reason} onChange={setReason} />
      <CellGroup title="待审核" data-testid="staff-queue">
        {(queue.data ?? []).map((r) => (
          <View key={r.id}>
            <Cell title={`${r.unit.building} ${r.unit.number}室 · ${RELATION_LABELS[r.relation]}`} description={`${r.requester.name ?? '未实名'} ${r.requester.phone ?? ''}`} />
            <View className="actions">
              <Button size="small" type="primary" disabled={decide.running} onClick={() => void decide.run(r.id, true)}>
                通过
              </Button>
              <Button size="small" type="danger" fill="outline" disabled={decide.running} onClick={() => void decide.run(r.id, false)}>
                驳回
              </Button>
            </View>
          </View>
        ))}
      </CellGroup>
    </PageShell>
  );
}
