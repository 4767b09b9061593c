import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { ListFooter } from '../../components/list-footer';
import { Button } from '../../ui';
import { bff } from '../../session';
import { usePaged } from '../../hooks/use-paged';
import { usePagedPage } from '../../hooks/use-paged-page';
import { RepairList } from '../../features/repairs/repair-list';
import { ServiceLevelCard } from '../../features/repairs/service-level';
import { useRequest } from '../../hooks/use-request';

/** My repairs, newest first, and the way to file a new one. */
export default function Repairs() {
  const list = usePaged((cursor) => bff.myRepairs(cursor), []);
  const me = useRequest(() => bff.me(), []);
  const home = (me.data?.units ?? []).find((u) => u.status === 'VERIFIED')?.community;
  const level = home && <ServiceLevelCard communityId={home.id} name={home.name} />;
  usePagedPage(list);
  const fileButton = (
    <View className="actions">
      <Button type="primary" size="large" onClick={() => void Taro.navigateTo({ url: '/pages/repairs/new' })}>
        我要报修
      </Button>
    </View>
  );
  if (list.empty)
    return (
      <PageShell>
        {fileButton}
        {level}
      </PageShell>
    );
  return (
    <PageShell request={list}>
      {fileButton}
      <RepairList items={list.items} title={`我的报修（共 ${list.total} 条）`} />
      <ListFooter list={list} />
      {level}
    </PageShell>
  );
}
