import { useCallback } from 'react';
import { Select, Tag, type PrimaryTableCol } from 'tdesign-react';
import type { RefundListPage } from '../../../bff/src/api-types';
import { api, beijingTime, yuan } from '../api';
import type { Route } from '../route';
import { DataTable, useUrlTable } from '../lib/url-table';
import { useKeysetPage } from '../lib/keyset-pages';
import { REFUND_STATE } from '../cashier-kit/labels';
import { unitLink } from '../cashier-bills/link';
import '../cashier-kit/cashier.css';

type Row = RefundListPage['items'][number];

const TONE: Record<string, 'success' | 'warning' | 'danger' | 'default'> = {
  SUCCESS: 'success',
  PROCESSING: 'warning',
  PENDING: 'warning',
  ABNORMAL: 'danger',
  TO_MERCHANT: 'danger',
  CLOSED: 'default',
};

const COLUMNS: PrimaryTableCol<Row>[] = [
  { colKey: 'createdAt', title: '申请时间', width: 170, sorter: true, cell: ({ row }) => beijingTime(row.createdAt) },
  {
    colKey: 'unit',
    title: '房屋',
    width: 110,
    cell: ({ row }) => (row.unit ? <a href={unitLink(row.unit.id, row.unit.label)}>{row.unit.label}</a> : '—'),
  },
  {
    colKey: 'bill',
    title: '账单',
    ellipsis: true,
    cell: ({ row }) => (row.bill ? `${row.bill.item} ${row.bill.period}` : '重复支付退回'),
  },
  {
    colKey: 'amountFen',
    title: '退款金额',
    width: 110,
    align: 'right',
    sorter: true,
    cell: ({ row }) => yuan(row.amountFen),
  },
  { colKey: 'reason', title: '原因', ellipsis: true },
  {
    colKey: 'state',
    title: '状态',
    width: 120,
    sorter: true,
    cell: ({ row }) => (
      <Tag theme={TONE[row.state] ?? 'default'} variant="light">
        {REFUND_STATE[row.state] ?? row.state}
      </Tag>
    ),
  },
  { colKey: 'outRefundNo', title: '退款单号', width: 220, ellipsis: true },
];

/**
 * 退款 (docs/console.md §Void requests and refunds): every refund of the community with its state, filtered by state in
 * the URL, paged by keyset with the total. A refund is started from a paid bill (房屋账单).
 */
export default function Refunds({ communityId, route }: { communityId: string; route: Route }) {
  const url = useUrlTable(route, '/refunds');
  const state = url.get('state');
  const fetchPage = useCallback(
    (cursor: string | undefined, limit: number) =>
      api.get<RefundListPage>(
        `/api/staff/communities/${communityId}/refunds?${new URLSearchParams({
          limit: String(limit),
          ...(cursor ? { cursor } : {}),
          ...(state ? { state } : {}),
        })}`,
      ),
    [communityId, state],
  );
  const list = useKeysetPage(`${communityId}|${state}|${url.size}`, url.page, url.size, fetchPage);
  return (
    <div className="wyt-page wyt-cashier">
      <h1>退款</h1>
      <DataTable<Row>
        label="退款列表"
        rowKey="id"
        {...list.table}
        columns={COLUMNS}
        url={url}
        empty="没有符合条件的退款"
      >
        <Select
          aria-label="退款状态"
          value={state}
          onChange={(v) => url.set({ state: String(v ?? ''), page: undefined })}
          options={[
            { label: '全部状态', value: '' },
            ...Object.entries(REFUND_STATE).map(([value, label]) => ({ label, value })),
          ]}
          style={{ width: 160 }}
        />
      </DataTable>
    </div>
  );
}
