import { useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { Button, Cell, CellGroup, Input } from '../../../ui';
import { bff } from '../../../session';
import { useAction } from '../../../hooks/use-request';
import { usePaged } from '../../../hooks/use-paged';
import { RELATION_LABELS } from '../../../roles';

/**
 * The manager's queue of bind requests, oldest first and paged, with the total so nothing hides
 * behind a flood. Requesters are masked. Rejecting asks for that request's own reason.
 */
export default function BindRequests() {
  const { params } = useRouter();
  const communityId = params.communityId ?? '';
  const queue = usePaged((cursor) => bff.staffBindRequests(communityId, cursor), [communityId]);
  const [rejecting, setRejecting] = useState<{ id: string; reason: string } | null>(null);

  const decide = useAction(async (id: string, decision: { decision: 'approve' } | { decision: 'reject'; reason: string }) => {
    await bff.decideBindRequest(id, decision);
    setRejecting(null);
    await Taro.showToast({ title: decision.decision === 'approve' ? '已通过' : '已驳回', icon: 'none' });
    await queue.reload();
  });
  const confirmReject = () => {
    if (!rejecting) return;
    if (!rejecting.reason.trim()) return void Taro.showToast({ title: '请先填写驳回原因', icon: 'none' });
    void decide.run(rejecting.id, { decision: 'reject', reason: rejecting.reason.trim() });
  };

  usePullDownRefresh(async () => {
    await queue.reload();
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => void queue.loadMore());

  if (!communityId) {
    return <PageShell error={new Error('缺少小区参数，请从首页的员工工作台进入')} />;
  }
  return (
    <PageShell loading={queue.loading && !queue.data} error={queue.error} onRetry={queue.reload} empty={queue.empty} emptyText="没有待审核的绑定申请">
      <CellGroup title={`待审核（共 ${queue.total} 条）`} data-testid="staff-queue">
        {queue.items.map((r) => (
          <View key={r.id} className="bind-request" data-testid="bind-request">
            <Cell title={`${r.unit.building} ${r.unit.number}室 · ${RELATION_LABELS[r.relation]}`} description={`${r.requester.name ?? '未实名'} ${r.requester.phone ?? ''}`} />
            {rejecting?.id === r.id ? (
              <View>
                <Input placeholder="请填写驳回原因（住户会看到）" value={rejecting.reason} onChange={(reason) => setRejecting({ id: r.id, reason })} data-testid="reject-reason" />
                <View className="actions">
                  <Button size="small" type="danger" disabled={decide.running} onClick={confirmReject}>
                    确认驳回
                  </Button>
                  <Button size="small" fill="outline" disabled={decide.running} onClick={() => setRejecting(null)}>
                    取消
                  </Button>
                </View>
              </View>
            ) : (
              <View className="actions">
                <Button size="small" type="primary" disabled={decide.running} onClick={() => void decide.run(r.id, { decision: 'approve' })}>
                  通过
                </Button>
                <Button size="small" type="danger" fill="outline" disabled={decide.running} onClick={() => setRejecting({ id: r.id, reason: '' })}>
                  驳回
                </Button>
              </View>
            )}
          </View>
        ))}
      </CellGroup>
      <View className="list-footer">
        {queue.hasMore ? (
          <Button fill="none" loading={queue.loadingMore} onClick={() => void queue.loadMore()}>
            加载更多
          </Button>
        ) : (
          <Text className="list-footer__end">已显示全部 {queue.total} 条</Text>
        )}
      </View>
    </PageShell>
  );
}
