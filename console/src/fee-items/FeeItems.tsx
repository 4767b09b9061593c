import { useState } from 'react';
import { Button, MessagePlugin, Tag, type PrimaryTableCol } from 'tdesign-react';
import type { FeeItemList } from '../../../bff/src/api-types';
import { api, beijingTime } from '../api';
import type { ScreenProps } from '../shell/screens';
import { confirm } from '../lib/confirm';
import { DataTable, useUrlTable } from '../lib/url-table';
import { useLoad } from '../lib/use-load';
import { AMOUNT_UNITS, CYCLE_LABELS, KIND_LABELS, type FeeItem } from './labels';
import { yuanText } from './money';
import { NewFeeItem } from './NewFeeItem';
import { LateCharge } from './LateCharge';
import '../lib/screen.css';
import './fee-items.css';

/**
 * 收费标准 (docs/console.md §Fee standards; until now API only): the community's fee items, a new one in
 * a drawer, one retired after a confirmation (bills already made keep their amounts), and the
 * contractual late charge. Managers and company admins edit; a cashier reads (the BFF's rule).
 */
export default function FeeItems({ communityId, route, me }: ScreenProps) {
  const url = useUrlTable(route, '/fee-items');
  const roles = me.staff.find((s) => s.community.id === communityId)?.roles ?? [];
  const editor = roles.includes('MANAGER') || roles.includes('COMPANY_ADMIN');
  const base = `/api/staff/communities/${communityId}`;
  const list = useLoad(() => api.get<FeeItemList>(`${base}/fee-items`), base);
  const [adding, setAdding] = useState(false);

  async function retire(item: FeeItem) {
    const yes = await confirm(
      `停用「${item.name}」`,
      '停用后不再用它生成新账单；已生成的账单金额不变。停用后不能恢复，可以另建新标准。',
      '停用',
      { danger: true },
    );
    if (!yes) return;
    try {
      await api.post(`${base}/fee-items/${item.id}/retire`);
      void MessagePlugin.success(`已停用「${item.name}」`);
      await list.reload();
    } catch (e) {
      void MessagePlugin.error((e as Error).message);
    }
  }

  const columns: PrimaryTableCol<FeeItem>[] = [
    { colKey: 'name', title: '收费项目', sorter: true, ellipsis: true },
    { colKey: 'kind', title: '类型', width: 110, cell: ({ row }) => KIND_LABELS[row.kind] },
    {
      colKey: 'amountFen',
      title: '金额',
      width: 220,
      align: 'right',
      sorter: true,
      cell: ({ row }) => `${yuanText(row.amountFen)} ${AMOUNT_UNITS[row.kind]}`,
    },
    { colKey: 'cycle', title: '周期', width: 80, cell: ({ row }) => (row.cycle ? CYCLE_LABELS[row.cycle] : '—') },
    {
      colKey: 'buildingType',
      title: '适用楼栋',
      width: 110,
      cell: ({ row }) => (row.kind === 'PROPERTY' ? (row.buildingType ?? '全部') : '—'),
    },
    { colKey: 'createdAt', title: '建立时间', width: 170, cell: ({ row }) => beijingTime(row.createdAt) },
    {
      colKey: 'active',
      title: '状态',
      width: 80,
      cell: ({ row }) =>
        row.active ? (
          <Tag variant="light" theme="success">
            在用
          </Tag>
        ) : (
          <Tag variant="light">已停用</Tag>
        ),
    },
    ...(editor
      ? [
          {
            colKey: 'op',
            title: '操作',
            width: 80,
            cell: ({ row }: { row: FeeItem }) =>
              row.active ? (
                <Button size="small" variant="text" theme="danger" onClick={() => void retire(row)}>
                  停用
                </Button>
              ) : null,
          } satisfies PrimaryTableCol<FeeItem>,
        ]
      : []),
  ];

  return (
    <div className="wyt-page wyt-mgr wyt-fee">
      <h1>收费标准</h1>
      {!editor && <p className="wyt-mgr__note">收费标准由小区经理或公司管理员设置，这里只能查看。</p>}
      <DataTable<FeeItem>
        label="收费标准"
        rowKey="id"
        countId="fee-items-count"
        unit="项"
        rows={list.data?.items}
        loading={list.loading}
        error={list.error}
        retry={() => void list.reload()}
        whole
        columns={columns}
        url={url}
        empty="还没有收费标准"
      >
        {editor && (
          <Button theme="primary" onClick={() => setAdding(true)}>
            新建收费标准
          </Button>
        )}
      </DataTable>
      <LateCharge base={base} editor={editor} />
      <NewFeeItem
        open={adding}
        base={base}
        onClose={(made) => {
          setAdding(false);
          if (made) void list.reload();
        }}
      />
    </div>
  );
}
