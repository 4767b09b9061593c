import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Button, Cell, CellGroup } from '../../ui';
import { bff, fileUrl } from '../../session';
import { useRequest } from '../../hooks/use-request';
import type { UploadView } from '../../api/types';
import { choosePhotos } from '../uploads/choose-photos';
import { choosePdfs } from '../uploads/choose-files';
import { shortTime } from './labels';

const DAY = 86_400_000;
export const VALIDITY = [
  { value: 'none', label: '长期有效', days: 0 },
  { value: '3', label: '3 天', days: 3 },
  { value: '7', label: '7 天', days: 7 },
  { value: '30', label: '30 天', days: 30 },
] as const;
export type Validity = (typeof VALIDITY)[number]['value'];

/** `effectiveUntil` for a validity chosen today (the end of that day is not promised: N × 24 h). */
export const validUntil = (v: Validity): string | undefined => {
  const days = VALIDITY.find((o) => o.value === v)?.days ?? 0;
  return days ? new Date(Date.now() + days * DAY).toISOString() : undefined;
};

type AttachmentsProps = { existing: UploadView[]; added: UploadView[]; onAdd: (u: UploadView[]) => void; onRemove: (u: UploadView) => void; disabled: boolean };

/** Photos and PDF attachments of the notice: those attached already, new ones chosen and uploaded, each removable. */
export function NoticeAttachments({ existing, added, onAdd, onRemove, disabled }: AttachmentsProps) {
  const [busy, setBusy] = useState(false);
  const all = [...existing, ...added];
  const remove = async (u: UploadView) => {
    const { confirm } = await Taro.showModal({ title: '移除附件', content: `从公告中移除${u.filename ? `“${u.filename}”` : '这张图片'}？`, confirmText: '移除' });
    if (confirm) onRemove(u);
  };
  const room = 9 - all.length;
  const add = async (choose: () => Promise<UploadView[]>) => {
    setBusy(true);
    try {
      onAdd(await choose());
    } catch (err) {
      if (!/cancel/i.test((err as Error).message ?? '')) void Taro.showToast({ title: '上传失败，请重试', icon: 'none' });
    } finally {
      setBusy(false);
    }
  };
  const photos = async () => {
    const uploaded: UploadView[] = [];
    for (const path of await choosePhotos(room)) uploaded.push(await bff.uploadPhoto(path));
    return uploaded;
  };
  const pdfs = async () => {
    const uploaded: UploadView[] = [];
    for (const f of await choosePdfs(room)) uploaded.push(await bff.uploadFile(f.path, f.name));
    return uploaded;
  };
  return (
    <CellGroup title={`图片和附件（${all.length}/9）${disabled || all.length === 0 ? '' : '，长按图片可移除'}`}>
      <View className="notice__images" data-testid="notice-photos">
        {all.filter((u) => u.thumbUrl).map((u) => (
          <Image key={u.id} src={fileUrl(u.thumbUrl!)} mode="aspectFill" className="notice__image" onLongPress={() => !disabled && void remove(u)} />
        ))}
      </View>
      {all.filter((u) => !u.thumbUrl).map((u) => (
        <Cell key={u.id} title={`📎 ${u.filename ?? '附件'}`} extra={disabled ? '' : '移除'} clickable={!disabled} onClick={() => !disabled && void remove(u)} />
      ))}
      {!disabled && room > 0 && (
        <View className="actions">
          <Button fill="outline" loading={busy} onClick={() => void add(photos)}>
            添加图片
          </Button>
          <Button fill="outline" loading={busy} onClick={() => void add(pdfs)}>
            添加 PDF
          </Button>
        </View>
      )}
    </CellGroup>
  );
}

const PUSH_LABELS = { SENT: '已送达', QUEUED: '排队中', SENDING: '发送中', NO_CREDIT: '未订阅', REFUSED: '用户拒收', FAILED: '发送失败', UNKNOWN: '结果未知' } as const;

/** Whether the WeChat reminders of a published notice went out, and why not. */
export function NoticePushes({ communityId, noticeId }: { communityId: string; noticeId: string }) {
  const pushes = useRequest(() => bff.noticePushes(communityId, noticeId), [communityId, noticeId]);
  const counts = Object.entries(pushes.data?.counts ?? {}) as [keyof typeof PUSH_LABELS, number][];
  return (
    <CellGroup title="微信提醒" data-testid="notice-pushes">
      {counts.length === 0 ? (
        <Cell title={pushes.loading ? '统计中…' : '没有住户订阅公告提醒'} />
      ) : (
        counts.map(([status, n]) => <Cell key={status} title={PUSH_LABELS[status]} extra={`${n} 人`} />)
      )}
    </CellGroup>
  );
}

export function ValidityNote({ until }: { until: string | null | undefined }) {
  return until ? <Text className="hint">有效期至 {shortTime(until)}，到期后住户不再看到</Text> : null;
}
