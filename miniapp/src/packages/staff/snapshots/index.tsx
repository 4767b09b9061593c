import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { ListFooter } from '../../../components/list-footer';
import { ChoiceGroup } from '../../../components/choice-group';
import { bff } from '../../../session';
import { usePaged } from '../../../hooks/use-paged';
import { usePagedPage } from '../../../hooks/use-paged-page';
import { SnapshotList } from '../../../features/snapshots/snapshot-list';
import { STATUS_LABELS } from '../../../features/snapshots/labels';
import type { StaffSnapshotListPage } from '../../../api/types';

const STATES = ['SUBMITTED', 'ACCEPTED', 'HANDLED', 'CLOSED', 'AUTO_CLOSED'] as const;

/** The office's 随手拍 inbox by state, with counts; opening one accepts it. */
export default function StaffSnapshots() {
  const { params } = useRouter();
  const communityId = params.communityId ?? '';
  const [status, setStatus] = useState<string | undefined>('SUBMITTED');
  const [counts, setCounts] = useState<StaffSnapshotListPage['counts']>({});
  const list = usePaged(
    async (cursor) => {
      const page = await bff.communitySnapshots(communityId, cursor, status);
      setCounts(page.counts);
      return page;
    },
    [communityId, status],
  );
  usePagedPage(list);
  if (!communityId) return <PageShell error={new Error('缺少小区参数，请从首页的员工工作台进入')} />;
  const filters = (
    <ChoiceGroup
      options={[
        ...STATES.map((s) => ({ value: s, label: `${STATUS_LABELS[s]} ${counts[s] ?? 0}` })),
        { value: undefined, label: '全部' },
      ]}
      value={status}
      onChange={setStatus}
      testId="snapshot-filters"
    />
  );
  if (list.empty)
    return (
      <PageShell>
        {filters}
        <Text className="hint">这个状态下没有随手拍</Text>
      </PageShell>
    );
  return (
    <PageShell request={list}>
      {filters}
      <SnapshotList items={list.items} title={`随手拍（共 ${list.total} 条）`} />
      <ListFooter list={list} />
    </PageShell>
  );
}
