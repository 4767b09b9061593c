import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { Button, Cell, CellGroup, Progress, Tag } from '../../../ui';
import { bff } from '../../../session';
import { usePaged } from '../../../hooks/use-paged';
import { usePagedPage } from '../../../hooks/use-paged-page';
import { CATEGORY_LABELS, NOTICE_STATUS_LABELS } from '../../../features/notices/labels';
import { shortTime } from '../../../beijing';

const STATUS_TAG = { DRAFT: 'default', PUBLISHED: 'success', WITHDRAWN: 'warning' } as const;

/** The office's notices of a community with how many of the targeted residents have read each. */
export default function StaffNotices() {
  const { params } = useRouter();
  const communityId = params.communityId ?? '';
  const list = usePaged((cursor) => bff.staffNotices(communityId, cursor), [communityId]);
  usePagedPage(list);
  const open = (id?: string) =>
    void Taro.navigateTo({ url: `/packages/staff/notices/edit?communityId=${communityId}${id ? `&id=${id}` : ''}` });

  if (!communityId) return <PageShell error={new Error('缺少小区参数，请从首页的员工工作台进入')} />;
  const newButton = (
    <View className="actions">
      <Button type="primary" size="large" onClick={() => open()}>
        发布新公告
      </Button>
    </View>
  );
  if (list.empty)
    return (
      <PageShell>
        {newButton}
        <Text className="hint">还没有公告</Text>
      </PageShell>
    );
  return (
    <PageShell request={list}>
      {newButton}
      <CellGroup title={`共 ${list.total} 条`} data-testid="staff-notices">
        {list.items.map((n) => (
          <Cell
            key={n.id}
            clickable
            onClick={() => open(n.id)}
            title={n.title}
            description={
              n.status === 'PUBLISHED' ? (
                <View>
                  <Text data-testid="read-rate">
                    已读 {n.reads.readCount}/{n.reads.targetCount}（{Math.round(n.reads.readRate * 100)}%）·{' '}
                    {shortTime(n.publishedAt)}
                  </Text>
                  <Progress percent={Math.round(n.reads.readRate * 100)} />
                </View>
              ) : (
                `${CATEGORY_LABELS[n.category]} · ${n.status === 'DRAFT' ? '未发布' : `撤回原因：${n.withdrawReason ?? ''}`}`
              )
            }
            extra={<Tag type={STATUS_TAG[n.status]}>{NOTICE_STATUS_LABELS[n.status]}</Tag>}
          />
        ))}
      </CellGroup>
    </PageShell>
  );
}
