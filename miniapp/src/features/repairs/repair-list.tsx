import Taro from '@tarojs/taro';
import { Cell, CellGroup, Tag } from '../../ui';
import type { RepairListPage } from '../../api/types';
import { shortTime } from '../../beijing';
import { FAULT_LABELS, STATUS_LABELS, STATUS_TAG } from './labels';

/** Repairs as a list of cells: number, place, what is wrong, state; a tap opens the detail. */
export function RepairList({ items, title }: { items: RepairListPage['items']; title: string }) {
  return (
    <CellGroup title={title} data-testid="repair-list">
      {items.map((r) => (
        <Cell
          key={r.id}
          clickable
          onClick={() => void Taro.navigateTo({ url: `/pages/repairs/detail?id=${r.id}` })}
          title={`${r.place} · ${FAULT_LABELS[r.faultType]} · ${r.part}`}
          description={`${r.number} · ${shortTime(r.filedAt)}${r.emergency ? ' · 应急' : ''}${r.urgentAt ? ' · 已加急' : ''}`}
          extra={<Tag type={STATUS_TAG[r.status]}>{STATUS_LABELS[r.status]}</Tag>}
        />
      ))}
    </CellGroup>
  );
}
