import { useCallback, useState } from 'react';
import { Button, Tag, type PrimaryTableCol } from 'tdesign-react';
import type { BillingRunList, Me } from '../../../bff/src/api-types';
import { api, beijingTime, yuan } from '../api';
import type { Route } from '../route';
import { DataTable, useUrlTable } from '../lib/url-table';
import { useKeysetPage } from '../lib/keyset-pages';
import { ReasonDialog } from '../lib/reason-dialog';
import { PreviewRun } from './PreviewRun';
import '../cashier-kit/cashier.css';

type Run = BillingRunList['items'][number];

/**
 * 账单生成 (docs/console.md §Billing runs): a period previewed (what would be made, per item and per
 * payer, what exists already) before it is generated after a confirmation; the community's runs as a
 * table, and — for a manager — a run undone with a reason while none of its bills has been paid.
 */
export default function BillingRuns({ communityId, route, me }: { communityId: string; route: Route; me: Me }) {
  const url = useUrlTable(route, '/billing');
  const manager = me.staff.find((s) => s.community.id === communityId)?.roles.includes('MANAGER') ?? false;
  const [undoing, setUndoing] = useState<Run>();
  const fetchPage = useCallback(
    (cursor: string | undefined, limit: number) =>
      api.get<BillingRunList>(
        `/api/staff/communities/${communityId}/billing/runs?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
      ),
    [communityId],
  );
  const list = useKeysetPage(`${communityId}|${url.size}`, url.page, url.size, fetchPage);
  const columns: PrimaryTableCol<Run>[] = [
    { colKey: 'createdAt', title: '生成时间', width: 170, sorter: true, cell: ({ row }) => beijingTime(row.createdAt) },
    { colKey: 'period', title: '账期', width: 100, sorter: true },
    { colKey: 'billCount', title: '账单数', width: 90, align: 'right', sorter: true },
    {
      colKey: 'totalFen',
      title: '金额',
      width: 130,
      align: 'right',
      sorter: true,
      cell: ({ row }) => yuan(row.totalFen),
    },
    {
      colKey: 'undoneAt',
      title: '状态',
      ellipsis: true,
      cell: ({ row }) =>
        row.undoneAt ? (
          <Tag variant="light" title={row.undoReason ?? undefined}>
            已撤销：{row.undoReason}
          </Tag>
        ) : (
          <Tag variant="light" theme="success">
            有效
          </Tag>
        ),
    },
    ...(manager
      ? [
          {
            colKey: 'op',
            title: '操作',
            width: 90,
            cell: ({ row }: { row: Run }) =>
              row.undoneAt ? null : (
                <Button size="small" variant="text" theme="danger" onClick={() => setUndoing(row)}>
                  撤销
                </Button>
              ),
          } satisfies PrimaryTableCol<Run>,
        ]
      : []),
  ];
  return (
    <div className="wyt-page wyt-cashier">
      <h1>账单生成</h1>
      <PreviewRun
        communityId={communityId}
        period={url.get('period')}
        onPeriod={(p) => url.set({ period: p })}
        onGenerated={list.reload}
      />
      <h2>生成记录</h2>
      <DataTable<Run>
        label="账单生成记录"
        rowKey="id"
        countId="runs-count"
        unit="次"
        {...list.table}
        columns={columns}
        url={url}
        empty="还没有生成过账单"
      />
      {undoing && (
        <ReasonDialog
          header={`撤销 ${undoing.period} 的账单生成`}
          warning={`将删除这次生成的 ${undoing.billCount} 笔账单（须均未缴费），撤销后不能恢复，可重新生成`}
          reasonLabel="撤销原因"
          minReason={4}
          confirmText="撤销"
          onSubmit={(reason) =>
            api.post(`/api/staff/communities/${communityId}/billing/runs/${undoing.id}/undo`, { reason })
          }
          onClose={(done) => {
            setUndoing(undefined);
            if (done) list.reload();
          }}
        />
      )}
    </div>
  );
}
