import { useState } from 'react';
import Taro, { useReachBottom } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { ListFooter } from '../../components/list-footer';
import { ChoiceGroup } from '../../components/choice-group';
import { bff, fileUrl } from '../../session';
import { useRequest } from '../../hooks/use-request';
import { usePaged } from '../../hooks/use-paged';
import { usePullRefresh } from '../../hooks/use-pull-refresh';
import { shortTime } from '../../beijing';
import '../../features/notices/notice.css';
import { alt } from '../../components/a11y';

/** The community's praise wall: thanks residents chose to show, with the photos that passed review. */
export default function PraiseWall() {
  const me = useRequest(() => bff.me(), []);
  const communities = [
    ...new Map(
      (me.data?.units ?? []).filter((u) => u.status === 'VERIFIED').map((u) => [u.community.id, u.community]),
    ).values(),
  ];
  const [picked, setPicked] = useState<string>();
  const communityId = picked ?? communities[0]?.id;
  const wall = usePaged(
    (cursor) =>
      communityId ? bff.praiseWall(communityId, cursor) : Promise.resolve({ items: [], total: 0, nextCursor: null }),
    [communityId],
  );
  usePullRefresh(wall.reload);
  useReachBottom(() => void wall.loadMore());
  const picker = communities.length > 1 && (
    <ChoiceGroup
      options={communities.map((c) => ({ value: c.id, label: c.name }))}
      value={communityId}
      onChange={setPicked}
    />
  );
  if (me.data && wall.empty)
    return (
      <PageShell>
        {picker}
        <Text className="hint">还没有表扬，发一条随手拍表扬身边的好人好事吧</Text>
      </PageShell>
    );
  return (
    <PageShell request={me.data ? wall : me}>
      {picker}
      <View data-testid="praise-wall">
        {wall.items.map((p) => (
          <View key={p.id} className="wall-card">
            <Text className="notice__body">{p.text}</Text>
            {p.photos.length > 0 && (
              <View className="photo-grid">
                {p.photos.map((photo, i) => (
                  <Image
                    key={photo.id}
                    src={fileUrl(photo.thumbUrl ?? photo.url)}
                    mode="aspectFill"
                    {...alt(`表扬照片 ${i + 1}，点按放大`)}
                    className="photo-grid__item"
                    onClick={() =>
                      void Taro.previewImage({ urls: p.photos.map((x) => fileUrl(x.url)), current: fileUrl(photo.url) })
                    }
                  />
                ))}
              </View>
            )}
            <Text className="notice__time">{`${p.author} · ${shortTime(p.createdAt)}${p.place ? ` · ${p.place}` : ''}`}</Text>
          </View>
        ))}
      </View>
      <ListFooter list={wall} />
    </PageShell>
  );
}
