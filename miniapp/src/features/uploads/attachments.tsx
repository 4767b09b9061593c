import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Button, Cell, CellGroup } from '../../ui';
import { bff, fileUrl } from '../../session';
import { useAction } from '../../hooks/use-request';
import type { UploadView } from '../../api/types';
import { choosePhotos } from './choose-photos';
import { choosePdfs } from './choose-files';
import { FileName } from '../../components/icon';
import { alt } from '../../components/a11y';

type AttachmentsProps = {
  existing: UploadView[];
  added: UploadView[];
  onAdd: (u: UploadView[]) => void;
  onRemove: (u: UploadView) => void;
  disabled: boolean;
  photosOnly?: boolean;
};

/** Photos (and, unless `photosOnly`, PDFs) of a record: those attached already, new ones chosen and uploaded, each removable. */
export function Attachments({ existing, added, onAdd, onRemove, disabled, photosOnly }: AttachmentsProps) {
  const all = [...existing, ...added];
  const remove = async (u: UploadView) => {
    const { confirm } = await Taro.showModal({
      title: '移除附件',
      content: `从公告中移除${u.filename ? `“${u.filename}”` : '这张图片'}？`,
      confirmText: '移除',
    });
    if (confirm) onRemove(u);
  };
  const room = 9 - all.length;
  const add = useAction(async (choose: () => Promise<UploadView[]>) => {
    try {
      onAdd(await choose());
    } catch (err) {
      if (!/cancel/i.test((err as Error).message ?? ''))
        void Taro.showToast({ title: '上传失败，请重试', icon: 'none' });
    }
  });
  // Photos upload one by one with a count on screen; one that fails stays as a tile to tap and retry.
  const [progress, setProgress] = useState<{ done: number; of: number } | null>(null);
  const [failed, setFailed] = useState<string[]>([]);
  const uploadEach = async (paths: string[]) => {
    const uploaded: UploadView[] = [];
    const stillFailed: string[] = [];
    setProgress({ done: 0, of: paths.length });
    for (const [i, path] of paths.entries()) {
      try {
        uploaded.push(await bff.uploadPhoto(path));
      } catch {
        stillFailed.push(path);
      }
      setProgress({ done: i + 1, of: paths.length });
    }
    setProgress(null);
    setFailed((f) => [...f.filter((p) => !paths.includes(p)), ...stillFailed]);
    if (stillFailed.length > 0)
      void Taro.showToast({ title: `${stillFailed.length} 张上传失败，点按可重试`, icon: 'none' });
    return uploaded;
  };
  const photos = async () => uploadEach(await choosePhotos(Math.max(1, room - failed.length)));
  const pdfs = async () => {
    const uploaded: UploadView[] = [];
    for (const f of await choosePdfs(room)) uploaded.push(await bff.uploadFile(f.path, f.name));
    return uploaded;
  };
  return (
    <CellGroup
      title={`${photosOnly ? '照片' : '图片和附件'}（${all.length}/9）${disabled || all.length === 0 ? '' : '，长按图片可移除'}`}
    >
      <View className="photo-grid" data-testid="photos">
        {all
          .filter((u) => u.thumbUrl)
          .map((u, i) => (
            <Image
              key={u.id}
              {...alt(`已添加的照片 ${i + 1}，长按可移除`)}
              src={fileUrl(u.thumbUrl!)}
              mode="aspectFill"
              className="photo-grid__item"
              onLongPress={() => !disabled && void remove(u)}
            />
          ))}
        {failed.map((path) => (
          <View
            key={path}
            className="photo-grid__item photo-grid__failed"
            data-testid="photo-failed"
            onClick={() => void add.run(() => uploadEach([path]))}
          >
            <Text>上传失败</Text>
            <Text>点按重试</Text>
          </View>
        ))}
      </View>
      {progress && (
        <Text
          className="hint"
          data-testid="upload-progress"
        >{`正在上传第 ${Math.min(progress.done + 1, progress.of)}/${progress.of} 张…`}</Text>
      )}
      {all
        .filter((u) => !u.thumbUrl)
        .map((u) => (
          <Cell
            key={u.id}
            title={<FileName name={u.filename} />}
            extra={disabled ? '' : '移除'}
            clickable={!disabled}
            onClick={() => !disabled && void remove(u)}
          />
        ))}
      {!disabled && room > 0 && (
        <View className="actions">
          <Button fill="outline" loading={add.running} onClick={() => void add.run(photos)}>
            添加图片
          </Button>
          {!photosOnly && (
            <Button fill="outline" loading={add.running} onClick={() => void add.run(pdfs)}>
              添加 PDF
            </Button>
          )}
        </View>
      )}
    </CellGroup>
  );
}
