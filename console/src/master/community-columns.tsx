import type { ReactNode } from 'react';
import { Button, type PrimaryTableCol } from 'tdesign-react';
import type { CommunityRow } from './types';

/** What retiring a community means, said once more before it is done (docs/master-data.md, Retiring a community). */
export const COMMUNITY_RETIRE_WARNING =
  '停用后本小区不再生成账单，业主不能再绑定房屋或报事，业主端的小区列表里也不再显示；已有的账单、收据、投票、报修和审计记录都会保留，报表照常可查。停用后不能恢复。';

/** The 小区 tab's columns: a company admin edits or retires a community in use; a retired one is only shown. */
export function communityColumns(p: {
  tag: (row: { retiredAt: string | null }) => ReactNode;
  onEdit: (row: CommunityRow) => void;
  onRetire: (row: CommunityRow) => void;
}): PrimaryTableCol<CommunityRow>[] {
  return [
    { colKey: 'name', title: '小区', sorter: true },
    { colKey: 'address', title: '地址' },
    { colKey: 'district', title: '所在区', width: 110, cell: ({ row }) => row.district ?? '—' },
    {
      colKey: 'totalBuildingArea',
      title: '总建筑面积㎡',
      width: 140,
      align: 'right',
      cell: ({ row }) => row.totalBuildingArea ?? '—',
    },
    { colKey: 'state', title: '状态', width: 90, cell: ({ row }) => p.tag(row) },
    {
      colKey: 'op',
      title: '操作',
      width: 130,
      cell: ({ row }) =>
        row.editable ? (
          <>
            <Button size="small" variant="text" onClick={() => p.onEdit(row)}>
              编辑
            </Button>
            <Button size="small" variant="text" theme="danger" onClick={() => p.onRetire(row)}>
              停用
            </Button>
          </>
        ) : null,
    },
  ];
}
