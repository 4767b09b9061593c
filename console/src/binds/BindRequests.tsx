import { useState } from 'react';
import { Button, MessagePlugin, Select, type PrimaryTableCol } from 'tdesign-react';
import type { BindRequestQueuePage } from '../../../bff/src/api-types';
import { api, beijingTime } from '../api';
import type { ScreenProps } from '../shell/screens';
import { confirm } from '../lib/confirm';
import { useKeysetList } from '../lib/keyset-pages';
import { ReasonDialog } from '../lib/reason-dialog';
import { DataTable, useUrlTable } from '../lib/url-table';
import '../lib/screen.css';

type Row = BindRequestQueuePage['items'][number];
const RELATIONS: Record<Row['relation'], string> = {
  OWNER: '业主',
  CO_OWNER: '共有人',
  FAMILY: '家属',
  TENANT: '租户',
} as Record<Row['relation'], string>;
const STATES = [
  { value: 'PENDING', label: '待审核' },
  { value: 'VERIFIED', label: '已通过' },
  { value: 'REJECTED', label: '已驳回' },
];

/**
 * 绑定审核 (#26): the requests to bind a unit that the roster could not approve, oldest first (GET
 * …/bind-requests, keyset pages with the total). 通过 (a filled button, asked first) and 驳回 (an
 * outlined red one that asks for the reason the resident will read) are plainly different.
 */
export default function BindRequests({ communityId, route }: ScreenProps) {
  const url = useUrlTable(route);
  const status = url.get('status') || 'PENDING';
  const list = useKeysetList<Row>(
    `/api/staff/communities/${communityId}/bind-requests?status=${status}`,
    url.page,
    url.size,
  );
  const [rejecting, setRejecting] = useState<Row>();
  const decide = (row: Row, body: { decision: 'approve' } | { decision: 'reject'; reason: string }) =>
    api.post(`/api/staff/bind-requests/${row.id}/decision`, body).then(
      () => {
        void MessagePlugin.success(body.decision === 'approve' ? '已通过' : '已驳回');
        list.reload();
      },
      (e: Error) => void MessagePlugin.error(e.message),
    );
  const approve = async (row: Row) => {
    const who = `${row.unit.building} ${row.unit.number}室的${RELATIONS[row.relation] ?? row.relation}`;
    if (await confirm('通过绑定', `${row.requester.name ?? '申请人'}将成为${who}，可查看并缴纳该房屋的账单。`, '通过'))
      await decide(row, { decision: 'approve' });
  };
  const columns: PrimaryTableCol<Row>[] = [
    { colKey: 'unit', title: '房屋', width: 160, cell: ({ row }) => `${row.unit.building} ${row.unit.number}室` },
    {
      colKey: 'relation',
      title: '身份',
      width: 80,
      sorter: true,
      cell: ({ row }) => RELATIONS[row.relation] ?? row.relation,
    },
    {
      colKey: 'requester',
      title: '申请人',
      width: 180,
      cell: ({ row }) => `${row.requester.name ?? '—'} ${row.requester.phone ?? ''}`,
    },
    {
      colKey: 'requestedAt',
      title: '申请时间',
      width: 170,
      sorter: true,
      cell: ({ row }) => beijingTime(row.requestedAt),
    },
    {
      colKey: 'op',
      title: '操作',
      width: 170,
      cell: ({ row }) =>
        row.status === 'PENDING' ? (
          <>
            <Button size="small" theme="primary" onClick={() => void approve(row)}>
              通过
            </Button>{' '}
            <Button size="small" theme="danger" variant="outline" onClick={() => setRejecting(row)}>
              驳回…
            </Button>
          </>
        ) : (
          (row.rejectReason ?? (row.decidedAt ? beijingTime(row.decidedAt) : ''))
        ),
    },
  ];
  return (
    <div className="wyt-page wyt-mgr">
      <h1>绑定审核</h1>
      <div className="wyt-mgr__bar" role="group" aria-label="筛选">
        <Select
          aria-label="审核状态"
          value={status}
          onChange={(v) => url.set({ status: String(v), page: undefined })}
          options={STATES}
          style={{ width: 140 }}
        />
      </div>
      <DataTable<Row>
        label="绑定申请"
        rowKey="id"
        columns={columns}
        {...list.table}
        empty={status === 'PENDING' ? '没有待审核的绑定申请' : '没有记录'}
        url={url}
      />
      {rejecting && (
        <ReasonDialog
          header="驳回绑定申请"
          reasonLabel="驳回原因（会告诉申请人）"
          minReason={1}
          confirmText="驳回"
          danger
          onSubmit={(reason) =>
            api.post(`/api/staff/bind-requests/${rejecting.id}/decision`, { decision: 'reject', reason })
          }
          onClose={(done) => {
            setRejecting(undefined);
            if (!done) return;
            void MessagePlugin.success('已驳回');
            list.reload();
          }}
        />
      )}
    </div>
  );
}
