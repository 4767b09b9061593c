import Taro, { useReachBottom, useRouter } from '@tarojs/taro';
import { PageShell } from '../../../components/page-shell';
import { ListFooter } from '../../../components/list-footer';
import { CellGroup } from '../../../ui';
import { bff } from '../../../session';
import { useAction } from '../../../hooks/use-request';
import { usePaged } from '../../../hooks/use-paged';
import { usePullRefresh } from '../../../hooks/use-pull-refresh';
import { BindRequestItem, type Decision } from '../../../features/units/bind-request-item';

/** The office's queue of bind requests, oldest first and paged, with the total so nothing hides behind a flood. */
export default function BindRequests() {
  const { params } = useRouter();
  const communityId = params.communityId ?? '';
  const queue = usePaged((cursor) => bff.staffBindRequests(communityId, cursor), [communityId]);
  const decide = useAction(async (id: string, decision: Decision) => {
    await bff.decideBindRequest(id, decision);
    await Taro.showToast({ title: decision.decision === 'approve' ? '已通过' : '已驳回', icon: 'none' });
    await queue.reload();
  });
  usePullRefresh(queue.reload);
  useReachBottom(() => void queue.loadMore());

  if (!communityId) return <PageShell error={new Error('缺少小区参数，请从首页的员工工作台进入')} />;
  return (
    <PageShell request={queue} emptyText="没有待审核的绑定申请">
      <CellGroup title={`待审核（共 ${queue.total} 条）`} data-testid="staff-queue">
        {queue.items.map((r) => (
          <BindRequestItem key={r.id} request={r} busy={decide.running} onDecide={(d) => void decide.run(r.id, d)} />
        ))}
      </CellGroup>
      <ListFooter list={queue} />
    </PageShell>
  );
}
