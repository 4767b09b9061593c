import { useState } from 'react';
import Taro, { useDidShow, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { ListFooter } from '../../components/list-footer';
import { Button, Cell, CellGroup, Tag } from '../../ui';
import { bff } from '../../session';
import { useRequest } from '../../hooks/use-request';
import { usePaged } from '../../hooks/use-paged';
import { usePullRefresh } from '../../hooks/use-pull-refresh';
import type { NoticeCategory } from '../../api/types';
import { CATEGORIES, CATEGORY_LABELS } from '../../features/notices/labels';
import { shortTime } from '../../beijing';
import { ChoiceGroup } from '../../components/choice-group';
import { askForPush } from '../../features/push/ask-for-push';
import '../../features/notices/notice.css';
import { BindFirst } from '../../components/bind-first';

const EMPTY_PAGE = { items: [], total: 0, nextCursor: null };

/** The notices of the resident's community: pinned first, unread marked, by category, paged. */
export default function Notices() {
  const me = useRequest(() => bff.me(), []);
  const communities = [
    ...new Map(
      (me.data?.units ?? []).filter((u) => u.status === 'VERIFIED').map((u) => [u.community.id, u.community]),
    ).values(),
  ];
  const [chosen, setChosen] = useState<string>();
  const [category, setCategory] = useState<NoticeCategory>();
  const communityId = chosen ?? communities[0]?.id;
  const list = usePaged(
    (cursor) => (communityId ? bff.notices(communityId, cursor, category) : Promise.resolve(EMPTY_PAGE)),
    [communityId, category],
  );

  usePullRefresh(me.reload, list.reload);
  useReachBottom(() => void list.loadMore());
  useDidShow(() => void (list.data && list.reload())); // back from a notice: its unread mark is gone

  const subscribe = async () => {
    const { templates } = await bff.pushSubscriptions();
    await askForPush([templates.noticePublished.id]);
  };

  if (me.data && communities.length === 0) {
    return (
      <PageShell>
        <BindFirst reason="绑定房屋并通过审核后，即可查看小区公告" />
      </PageShell>
    );
  }
  return (
    <PageShell request={me.data ? list : me} emptyText="暂无公告">
      {communities.length > 1 && (
        <ChoiceGroup
          options={communities.map((c) => ({ value: c.id, label: c.name }))}
          value={communityId}
          onChange={setChosen}
          testId="notice-communities"
        />
      )}
      <ChoiceGroup
        options={[
          { value: undefined, label: '全部' },
          ...CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] })),
        ]}
        value={category}
        onChange={setCategory}
        testId="notice-categories"
      />
      <CellGroup title={`共 ${list.total} 条`} data-testid="notice-list">
        {list.items.map((n) => (
          <Cell
            key={n.id}
            clickable
            onClick={() => void Taro.navigateTo({ url: `/pages/notices/detail?id=${n.id}` })}
            title={
              <View>
                {!n.read && <View className="unread-dot" data-testid="unread-dot" />}
                <Text>{n.title}</Text>
              </View>
            }
            description={`${n.publisher ?? '物业'} · ${CATEGORY_LABELS[n.category as NoticeCategory]} · ${shortTime(n.publishedAt)}`}
            extra={
              <View>
                {n.pinned && <Tag type="danger">置顶</Tag>}
                {n.updatedAt && <Tag type="warning">已更新</Tag>}
              </View>
            }
          />
        ))}
      </CellGroup>
      <ListFooter list={list} />
      <View className="actions">
        <Button type="default" size="large" onClick={() => void subscribe()}>
          新公告微信提醒我
        </Button>
      </View>
    </PageShell>
  );
}
