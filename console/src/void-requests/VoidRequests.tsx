import { Select, Tag, type PrimaryTableCol } from 'tdesign-react';
import type { CounterPaymentListPage } from '../../../bff/src/api-types';
import { beijingTime, yuan } from '../api';
import type { ScreenProps } from '../shell/screens';
import { DataTable, openColumn, useUrlTable } from '../lib/url-table';
import { useKeysetList } from '../lib/keyset-pages';
import { CHANNEL, PAYMENT_STATE } from '../cashier-kit/labels';
import { VoidDrawer } from './VoidDrawer';
import '../lib/screen.css';

type Row = CounterPaymentListPage['items'][number];
const STATES = [
  { value: 'VOID_REQUESTED', label: '待审批' },
  { value: 'VOIDED', label: '已作废' },
];

/**
 * 作废审批 (docs/console.md §Void approval): the community's counter receipts a cashier asked to void,
 * newest first (`GET …/counter-payments?state=VOID_REQUESTED`, keyset pages with the total); the receipt
 * opens in a drawer beside the list, where a manager other than the asker and the taker approves (asked
 * first: it cannot be undone) or rejects with a reason.
 */
export default function VoidRequests({ communityId, route, me }: ScreenProps) {
  const url = useUrlTable(route);
  const state = url.get('state') || 'VOID_REQUESTED';
  const open = url.get('open') || undefined;
  const list = useKeysetList<Row>(
    `/api/staff/communities/${communityId}/counter-payments?state=${state}`,
    url.page,
    url.size,
  );
  const columns: PrimaryTableCol<Row>[] = [
    { colKey: 'receiptNo', title: '收据号', width: 190, sorter: true },
    { colKey: 'unit', title: '房屋', width: 140, sorter: true },
    {
      colKey: 'amountFen',
      title: '金额',
      width: 110,
      align: 'right',
      sorter: true,
      cell: ({ row }) => yuan(row.amountFen),
    },
    { colKey: 'channel', title: '方式', width: 70, cell: ({ row }) => CHANNEL[row.channel] ?? row.channel },
    { colKey: 'takenAt', title: '收款时间', width: 160, sorter: true, cell: ({ row }) => beijingTime(row.takenAt) },
    { colKey: 'takenByName', title: '收款人', width: 100 },
    { colKey: 'voidRequestedByName', title: '申请人', width: 100, cell: ({ row }) => row.voidRequestedByName ?? '—' },
    { colKey: 'voidReason', title: '作废原因', ellipsis: true, cell: ({ row }) => row.voidReason ?? '—' },
    {
      colKey: 'state',
      title: '状态',
      width: 100,
      cell: ({ row }) => (
        <Tag theme={row.state === 'VOID_REQUESTED' ? 'warning' : 'default'} variant="light">
          {PAYMENT_STATE[row.state]}
        </Tag>
      ),
    },
    openColumn<Row>('审批', (row) => url.set({ open: row.id })),
  ];
  return (
    <div className="wyt-page wyt-mgr wyt-cashier">
      <h1>作废审批</h1>
      <div className="wyt-mgr__bar" role="group" aria-label="筛选">
        <Select
          aria-label="审批状态"
          value={state}
          onChange={(v) => url.set({ state: String(v), page: undefined, open: undefined })}
          options={STATES}
          style={{ width: 140 }}
        />
      </div>
      <DataTable<Row>
        label="作废申请"
        rowKey="id"
        columns={columns}
        {...list.table}
        empty={state === 'VOID_REQUESTED' ? '没有待审批的作废申请' : '没有记录'}
        url={url}
        activeKey={open}
        unit="笔"
      />
      <VoidDrawer
        id={open}
        me={me.id}
        onClose={() => url.set({ open: undefined })}
        onDecided={() => {
          url.set({ open: undefined });
          list.reload();
        }}
      />
    </div>
  );
}
