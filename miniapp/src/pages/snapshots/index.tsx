import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { ListFooter } from '../../components/list-footer';
import { Button } from '../../ui';
import { bff } from '../../session';
import { usePaged } from '../../hooks/use-paged';
import { usePagedPage } from '../../hooks/use-paged-page';
import { SnapshotList } from '../../features/snapshots/snapshot-list';

/** My snapshots, newest first; post a new one, or look at the praise wall. */
export default function Snapshots() {
  const list = usePaged((cursor) => bff.mySnapshots(cursor), []);
  usePagedPage(list);
  const buttons = (
    <View className="actions">
      <Button type="primary" size="large" onClick={() => void Taro.navigateTo({ url: '/packages/snapshots/new' })}>
        拍一拍
      </Button>
      <Button size="large" onClick={() => void Taro.navigateTo({ url: '/packages/snapshots/wall' })}>
        表扬墙
      </Button>
    </View>
  );
  if (list.empty)
    return (
      <PageShell>
        {buttons}
        <Text className="hint">看到好人好事、想提建议或发现问题，拍下来告诉物业</Text>
      </PageShell>
    );
  return (
    <PageShell request={list}>
      {buttons}
      <SnapshotList items={list.items} title={`我的随手拍（共 ${list.total} 条）`} />
      <ListFooter list={list} />
    </PageShell>
  );
}
