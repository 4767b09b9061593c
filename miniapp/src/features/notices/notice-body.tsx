import Taro from '@tarojs/taro';
import { Image, RichText, Text, View } from '@tarojs/components';
import { Cell, CellGroup, Tag } from '../../ui';
import type { UploadView } from '../../api/types';
import { fileUrl } from '../../session';
import { CATEGORY_LABELS } from './labels';
import { shortTime } from '../../beijing';
import { FileName } from '../../components/icon';
import './notice.css';
import { alt } from '../../components/a11y';

type Body = {
  title: string;
  body: string;
  category: keyof typeof CATEGORY_LABELS;
  /** 业委会 or 物业 (absent in the editor's preview: the office's own). */
  publisher?: string;
  pinned: boolean;
  publishedAt?: string | null;
  updatedAt?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
  attachments?: UploadView[];
};

/** Opens a PDF: WeChat's document viewer in the mini-program, a new tab in the browser. */
async function openFile(url: string) {
  if (process.env.TARO_ENV === 'h5') return void window.open(url, '_blank');
  const { tempFilePath } = await Taro.downloadFile({ url });
  await Taro.openDocument({ filePath: tempFilePath, fileType: 'pdf', showMenu: true });
}

/** A notice as a resident reads it: used by the detail page and by the editor's preview. */
export function NoticeBody({ notice: n }: { notice: Body }) {
  const images = (n.attachments ?? []).filter((a) => a.kind === 'image').map((a) => fileUrl(a.url));
  const files = (n.attachments ?? []).filter((a) => a.kind === 'file');
  return (
    <View className="notice" data-testid="notice-body">
      <Text className="notice__title">{n.title}</Text>
      <View className="notice__meta">
        <Tag type="primary" plain>
          {CATEGORY_LABELS[n.category]}
        </Tag>
        <Text className="notice__time" data-testid="notice-publisher">
          {n.publisher ?? '物业'}发布
        </Text>
        {n.pinned && <Tag type="danger">置顶</Tag>}
        {n.updatedAt && <Tag type="warning">已更新</Tag>}
        <Text className="notice__time">{n.publishedAt ? shortTime(n.publishedAt) : '尚未发布'}</Text>
      </View>
      <RichText className="notice__content" nodes={n.body} />
      {images.length > 0 && (
        <View className="photo-grid">
          {images.map((url, i) => (
            <Image
              key={url}
              src={url}
              mode="aspectFill"
              {...alt(`公告图片 ${i + 1}，点按放大`)}
              className="photo-grid__item"
              onClick={() => void Taro.previewImage({ urls: images, current: url })}
            />
          ))}
        </View>
      )}
      {files.length > 0 && (
        <CellGroup title="附件">
          {files.map((f) => (
            <Cell
              key={f.id}
              title={<FileName name={f.filename} />}
              clickable
              onClick={() => void openFile(fileUrl(f.url))}
            />
          ))}
        </CellGroup>
      )}
      {(n.contactName || n.contactPhone) && (
        <CellGroup>
          <Cell
            title={`联系人：${n.contactName ?? '物业服务中心'}`}
            extra={n.contactPhone ?? ''}
            clickable={Boolean(n.contactPhone)}
            onClick={() => n.contactPhone && void Taro.makePhoneCall({ phoneNumber: n.contactPhone })}
          />
        </CellGroup>
      )}
    </View>
  );
}
