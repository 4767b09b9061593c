import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { ChoiceGroup } from '../../../components/choice-group';
import { Button, Cell, CellGroup } from '../../../ui';
import { bff, fileUrl } from '../../../session';
import { useAction, useRequest } from '../../../hooks/use-request';
import { usePullRefresh } from '../../../hooks/use-pull-refresh';
import { shortTime } from '../../../beijing';
import { alt } from '../../../components/a11y';

const TABS = [
  { value: 'PENDING', label: '待审核' },
  { value: 'APPROVED', label: '已通过' },
  { value: 'REJECTED', label: '未通过' },
];

/**
 * Content WeChat would not pass outright: text it flagged for review or could not check, photos with
 * a review verdict, an undownloadable image or no verdict in 30 minutes. Nothing here is public until passed.
 */
export default function ModerationQueue() {
  const { params } = useRouter();
  const communityId = params.communityId ?? '';
  const [status, setStatus] = useState<string | undefined>('PENDING');
  const queue = useRequest(
    () => bff.moderationQueue(communityId, status),
    [communityId, status],
    (q) => q.items.length === 0,
  );
  usePullRefresh(queue.reload);
  const decide = useAction(async (id: string, approve: boolean) => {
    if (
      !approve &&
      !(await Taro.showModal({ title: '不通过', content: '内容将被隐藏，无法恢复。确定吗？', confirmText: '不通过' }))
        .confirm
    )
      return;
    await bff.decideModeration(id, approve);
    await Taro.showToast({ title: approve ? '已通过' : '已隐藏', icon: 'success' });
    await queue.reload();
  });
  if (!communityId) return <PageShell error={new Error('缺少小区参数，请从首页的员工工作台进入')} />;
  const tabs = <ChoiceGroup options={TABS} value={status} onChange={setStatus} testId="moderation-tabs" />;
  if (queue.empty)
    return (
      <PageShell>
        {tabs}
        <Text className="hint">{status === 'PENDING' ? '没有待审核的内容' : '暂无记录'}</Text>
      </PageShell>
    );
  return (
    <PageShell request={queue}>
      {tabs}
      <View data-testid="moderation-queue">
        {(queue.data?.items ?? []).map((item) => (
          <CellGroup key={item.id} title={`${item.kindLabel} · ${item.reasonLabel}`}>
            <Cell title={item.author} description={item.text ?? ''} extra={shortTime(item.createdAt)} />
            {item.photo && (
              <Image
                src={fileUrl(item.photo.thumbUrl ?? item.photo.url)}
                mode="aspectFit"
                {...alt('待审核的照片，点按放大')}
                className="photo-grid__item"
                onClick={() => void Taro.previewImage({ urls: [fileUrl(item.photo!.url)] })}
              />
            )}
            {item.status === 'PENDING' && (
              <View className="actions">
                <Button
                  type="primary"
                  size="large"
                  disabled={decide.running}
                  onClick={() => void decide.run(item.id, true)}
                >
                  通过
                </Button>
                <Button
                  type="danger"
                  size="large"
                  disabled={decide.running}
                  onClick={() => void decide.run(item.id, false)}
                >
                  不通过
                </Button>
              </View>
            )}
          </CellGroup>
        ))}
      </View>
    </PageShell>
  );
}
