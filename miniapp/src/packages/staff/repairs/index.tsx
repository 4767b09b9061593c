import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { ListFooter } from '../../../components/list-footer';
import { bff } from '../../../session';
import { useRequest } from '../../../hooks/use-request';
import { usePaged } from '../../../hooks/use-paged';
import { usePagedPage } from '../../../hooks/use-paged-page';
import { ChoiceGroup } from '../../../components/choice-group';
import { RepairList } from '../../../features/repairs/repair-list';

const FILTERS = [
  { value: 'SUBMITTED', label: '未接收' },
  { value: 'ACCEPTED', label: '待派单' },
  { value: 'ASSIGNED', label: '已派单' },
  { value: 'RESOLVED', label: '待评价' },
  { value: undefined, label: '全部' },
];

/** The office's inbox of a community by state; a technician sees the jobs assigned to them. */
export default function StaffRepairs() {
  const { params } = useRouter();
  const communityId = params.communityId ?? '';
  const me = useRequest(() => bff.me(), []);
  const office = (me.data?.staff ?? []).some(
    (s) => s.community.id === communityId && (s.roles.includes('MANAGER') || s.roles.includes('COMPANY_ADMIN')),
  );
  const [status, setStatus] = useState<string | undefined>('SUBMITTED');
  const [counts, setCounts] = useState<Record<string, number>>({});
  const list = usePaged(
    async (cursor) => {
      if (!me.data) return { items: [], total: 0, nextCursor: null };
      if (!office) return bff.myJobs(cursor);
      const page = await bff.communityRepairs(communityId, cursor, status);
      setCounts(page.counts);
      return page;
    },
    [communityId, status, me.data, office],
  );
  usePagedPage(list);

  if (!communityId) return <PageShell error={new Error('缺少小区参数，请从首页的员工工作台进入')} />;
  const filters = office && (
    <ChoiceGroup
      options={FILTERS.map((f) => ({ ...f, label: f.value ? `${f.label} ${counts[f.value] ?? 0}` : f.label }))}
      value={status}
      onChange={setStatus}
      testId="repair-filters"
    />
  );
  // Empty, the filters stay: another state may have work.
  if (me.data && list.empty)
    return (
      <PageShell>
        {filters}
        <Text className="hint">{office ? '这个状态下没有报修' : '暂时没有派给您的工单'}</Text>
      </PageShell>
    );
  return (
    <PageShell request={me.data ? list : me}>
      {filters}
      <RepairList items={list.items} title={`${office ? '报修工单' : '我的工单'}（共 ${list.total} 条）`} />
      <ListFooter list={list} />
    </PageShell>
  );
}
