import Taro from '@tarojs/taro';
import { Cell, CellGroup, Tag } from '../../ui';
import type { SnapshotListPage } from '../../api/types';
import { shortTime } from '../../beijing';
import { KIND_LABELS, STATUS_LABELS, STATUS_TAG } from './labels';

/** Snapshots as cells: kind and text, when, state; a tap opens the thread. */
export function SnapshotList({ items, title }: { items: SnapshotListPage['items']; title: string }) {
  return (
    <CellGroup title={title} data-testid="snapshot-list">
      {items.map((s) => (
        <Cell
          key={s.id}
          clickable
          onClick={() => void Taro.navigateTo({ url: `/packages/snapshots/detail?id=${s.id}` })}
          title={`【${KIND_LABELS[s.kind]}】${s.text.length > 24 ? `${s.text.slice(0, 24)}…` : s.text}`}
          description={[shortTime(s.createdAt), s.place].filter(Boolean).join(' · ')}
          extra={<Tag type={STATUS_TAG[s.status]}>{STATUS_LABELS[s.status]}</Tag>}
        />
      ))}
    </CellGroup>
  );
}
