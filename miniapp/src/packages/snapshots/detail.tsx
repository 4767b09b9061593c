import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { Button, Cell, CellGroup, Tag, TextArea } from '../../ui';
import { bff, fileUrl } from '../../session';
import { useAction, useRequest } from '../../hooks/use-request';
import { usePullRefresh } from '../../hooks/use-pull-refresh';
import type { SnapshotAction } from '../../api/types';
import { shortTime } from '../../beijing';
import { KIND_LABELS, STATUS_LABELS, STATUS_TAG } from '../../features/snapshots/labels';
import '../../features/notices/notice.css';
import { alt } from '../../components/a11y';

const KIND_OF_MESSAGE: Record<string, string> = {
  reply: '物业回复',
  'follow-up': '追问',
  rehandle: '不满意，请重新处理',
};

/**
 * One snapshot with its thread. The office replies; its author follows up, asks for it to be handled
 * again, or confirms it is done. (Opened by the office, it is accepted: the BFF records that.)
 */
export default function SnapshotDetail() {
  const { params } = useRouter();
  const snapshot = useRequest(() => bff.snapshot(params.id ?? ''), [params.id]);
  const [text, setText] = useState('');
  usePullRefresh(snapshot.reload);
  const act = useAction(async (action: SnapshotAction, confirm?: string) => {
    if (confirm && !(await Taro.showModal({ title: '请确认', content: confirm })).confirm) return;
    await bff.actOnSnapshot(params.id!, action);
    setText('');
    await snapshot.reload();
  });
  const s = snapshot.data;
  if (!params.id) return <PageShell error={new Error('缺少随手拍编号，请从列表进入')} />;
  const images = (s?.photos ?? []).map((p) => fileUrl(p.url));
  const office = s?.myRoles.includes('office');
  const author = s?.myRoles.includes('author');
  const open = s && !['CLOSED', 'AUTO_CLOSED'].includes(s.status);
  const say = (action: 'reply' | 'follow-up' | 'rehandle', label: string, type: 'primary' | 'default' = 'default') => (
    <Button
      type={type}
      size="large"
      disabled={act.running}
      onClick={() =>
        text.trim().length < 2
          ? void Taro.showToast({ title: '请先写几句话', icon: 'none' })
          : void act.run({ action, text: text.trim() })
      }
    >
      {label}
    </Button>
  );
  return (
    <PageShell request={snapshot}>
      {s && (
        <View data-testid="snapshot-detail">
          <View className="notice__meta">
            <Tag type="primary">{KIND_LABELS[s.kind]}</Tag>
            <View data-testid="snapshot-status">
              <Tag type={STATUS_TAG[s.status]}>{STATUS_LABELS[s.status]}</Tag>
            </View>
            <Text className="notice__time">{`${s.author} · ${shortTime(s.createdAt)}`}</Text>
          </View>
          <Text className="notice__body">{s.text}</Text>
          {s.place && <Text className="hint">{`位置：${s.place}`}</Text>}
          {s.textHeld && <Text className="hint">内容正在审核，审核通过前只有您和物业能看到</Text>}
          {s.status === 'AUTO_CLOSED' && (
            <Text className="hint error">{`物业 10 天未处理，${shortTime(s.closedAt)} 已自动办结`}</Text>
          )}
          {images.length > 0 && (
            <View className="photo-grid">
              {images.map((url, i) => (
                <Image
                  key={url}
                  src={url}
                  mode="aspectFill"
                  {...alt(`随手拍照片 ${i + 1}，点按放大`)}
                  className="photo-grid__item"
                  onClick={() => void Taro.previewImage({ urls: images, current: url })}
                />
              ))}
            </View>
          )}
          {s.wallConsent && (
            <Text className="hint">
              {s.photos.every((p) => p.wall === 'PASS') ? '已展示在表扬墙' : '表扬墙展示待照片审核'}
            </Text>
          )}
          <CellGroup title="处理记录" data-testid="snapshot-thread">
            <Cell title="提交" extra={shortTime(s.createdAt)} />
            {s.openedAt && <Cell title="物业已受理" extra={shortTime(s.openedAt)} />}
            {s.thread.map((m) => (
              <Cell
                key={m.id}
                title={`${KIND_OF_MESSAGE[m.kind] ?? m.kind}（${m.by}）`}
                description={m.held && !office && !author ? '（内容审核中）' : m.text}
                extra={shortTime(m.at)}
              />
            ))}
            {s.closedAt && s.status === 'CLOSED' && <Cell title="住户确认办结" extra={shortTime(s.closedAt)} />}
          </CellGroup>
          {open && (office || author) && (
            <View data-testid="snapshot-actions">
              <TextArea
                placeholder={office ? '回复住户，说明处理情况' : '还有什么想补充或追问的'}
                value={text}
                onChange={setText}
                maxLength={office ? 500 : 300}
                autoSize
                data-testid="snapshot-message"
              />
              <View className="actions actions--wrap">
                {office && say('reply', '回复住户', 'primary')}
                {author && say('follow-up', '追问')}
                {author && s.status === 'HANDLED' && say('rehandle', '不满意，重新处理')}
                {author && s.status === 'HANDLED' && (
                  <Button
                    type="primary"
                    size="large"
                    disabled={act.running}
                    onClick={() => void act.run({ action: 'close' }, '确认问题已解决并办结？')}
                  >
                    满意，办结
                  </Button>
                )}
              </View>
            </View>
          )}
        </View>
      )}
    </PageShell>
  );
}
