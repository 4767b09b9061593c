import Taro from '@tarojs/taro';
import { Image, RichText, Text, View } from '@tarojs/components';
import { Cell, CellGroup, Tag } from '../../ui';
import type { UploadView } from '../../api/types';
import { fileUrl } from '../../session';
import { CATEGORY_LABELS, shortTime } from './labels';
import './notice.css';

type Body = {
  title: string;
  body: string;
  category: keyof typeof CATEGORY_LABELS;
  pinned: boolean;
  publishedAt?: string | null;
  updatedAt?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
  attachments?: UploadView[];
};

/** A notice as a resident reads it: used by the detail page and by the editor's preview. */
export function NoticeBody({ notice: n }: { notice: Body }) {
  const images = (n.attachments ?? []).map((a) => fileUrl(a.url));
  return (
    <View className="notice" data-testid="notice-body">
      <Text className="notice__title">{n.title}</Text>
      <View className="notice__meta">
        <Tag type="primary" plain>
          {CATEGORY_LABELS[n.category]}
        </Tag>
        {n.pinned && <Tag type="danger">置顶</Tag>}
        {n.updatedAt && <Tag type="warning">已更新</Tag>}
        <Text className="notice__time">{n.publishedAt ? shortTime(n.publishedAt) : '尚未发布'}</Text>
      </View>
      <RichText className="notice__content" nodes={n.body} />
      {images.length > 0 && (
        <View className="notice__images">
          {images.map((url) => (
            <Image key={url} src={url} mode="aspectFill" className="notice__image" onClick={() => void Taro.previewImage({ urls: images, current: url })} />
          ))}
        </View>
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
