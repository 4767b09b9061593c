import { useCallback, useEffect, useState } from 'react';
import { Button, Tag, type PrimaryTableCol } from 'tdesign-react';
import type { BillListPage, BillView } from '../../../bff/src/api-types';
import { api, beijingTime, yuan } from '../api';
import { DataTable, type UrlTable } from '../lib/url-table';
import { useKeysetPage } from '../lib/keyset-pages';
import { BILL_STATE } from '../cashier-kit/labels';
import { ReasonDialog } from '../lib/reason-dialog';

type Props = { communityId: string; unitId: string; url: UrlTable };
const bills = (communityId: string) => `/api/staff/communities/${communityId}/bills`;

const BASE: PrimaryTableCol<BillView>[] = [
  {
    colKey: 'period',
    title: '账期',
    width: 100,
    sorter: true,
    cell: ({ row }) => (row.opening ? `期初 ${row.period}` : row.period),
  },
  { colKey: 'item', title: '收费项目', ellipsis: true, cell: ({ row }) => row.item.name },
  {
    colKey: 'payer',
    title: '缴款方',
    width: 80,
    cell: ({ row }) => (row.payer === 'DEVELOPER' ? '开发商' : row.seller ? '前业主' : '业主'),
  },
  {
    colKey: 'amountFen',
    title: '金额',
    width: 110,
    align: 'right',
    sorter: true,
    cell: ({ row }) => yuan(row.amountFen),
  },
];
const state: PrimaryTableCol<BillView> = {
  colKey: 'state',
  title: '状态',
  width: 100,
  cell: ({ row }) => <Tag variant="light">{BILL_STATE[row.state] ?? row.state}</Tag>,
};

const OPEN_COLUMNS: PrimaryTableCol<BillView>[] = [
  ...BASE,
  { colKey: 'lateFeeFen', title: '违约金', width: 100, align: 'right', cell: ({ row }) => yuan(row.lateFeeFen) },
  {
    colKey: 'payableFen',
    title: '应缴',
    width: 110,
    align: 'right',
    sorter: true,
    cell: ({ row }) => yuan(row.payableFen),
  },
  { colKey: 'dueAt', title: '到期', width: 170, sorter: true, cell: ({ row }) => beijingTime(row.dueAt) },
  state,
];

/** The unit's open bills, oldest first (all of them: the BFF answers them in one). */
export function OpenBills({ communityId, unitId, url }: Props) {
  const [data, setData] = useState<BillListPage>();
  const [error, setError] = useState<Error>();
  const load = useCallback(() => {
    setError(undefined);
    api.get<BillListPage>(`${bills(communityId)}?unitId=${unitId}&status=unpaid`).then(setData, setError);
  }, [communityId, unitId]);
  useEffect(load, [load]);
  return (
    <DataTable<BillView>
      label="未缴账单"
      rowKey="id"
      rows={data?.items ?? []}
      loading={!data && !error}
      error={error}
      retry={load}
      columns={OPEN_COLUMNS}
      url={url}
      empty="这户没有未缴账单"
    >
      {data && (
        <strong data-testid="open-total">
          合计应缴 {yuan(data.totalFen ?? 0)}
          {!!data.sellerFen && `（含前业主 ${yuan(data.sellerFen)}）`}
        </strong>
      )}
    </DataTable>
  );
}

/** The unit's settled bills, newest first, paged; a bill paid by WeChat Pay can be refunded (in part). */
export function PaidBills({ communityId, unitId, url }: Props) {
  const [refunding, setRefunding] = useState<BillView>();
  const fetchPage = useCallback(
    (cursor: string | undefined, limit: number) =>
      api.get<BillListPage & { total: number }>(
        `${bills(communityId)}?unitId=${unitId}&status=paid&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
      ),
    [communityId, unitId],
  );
  const list = useKeysetPage(`${unitId}|${url.size}`, url.page, url.size, fetchPage);
  const refundable = (b: BillView) =>
    b.receiptOrderId !== null && (b.state === 'PAID' || b.state === 'PARTIALLY_REFUNDED') && b.paidFen > b.refundedFen;
  const columns: PrimaryTableCol<BillView>[] = [
    ...BASE,
    { colKey: 'paidFen', title: '实缴', width: 110, align: 'right', cell: ({ row }) => yuan(row.paidFen) },
    { colKey: 'refundedFen', title: '已退', width: 100, align: 'right', cell: ({ row }) => yuan(row.refundedFen) },
    {
      colKey: 'paidAt',
      title: '缴费时间',
      width: 170,
      sorter: true,
      cell: ({ row }) => (row.paidAt ? beijingTime(row.paidAt) : '—'),
    },
    {
      colKey: 'via',
      title: '方式',
      width: 90,
      cell: ({ row }) => (row.state === 'WAIVED' ? '减免' : row.receiptOrderId ? '微信支付' : '柜台'),
    },
    state,
    {
      colKey: 'op',
      title: '操作',
      width: 90,
      cell: ({ row }) =>
        refundable(row) ? (
          <Button size="small" variant="text" theme="primary" onClick={() => setRefunding(row)}>
            退款
          </Button>
        ) : null,
    },
  ];
  return (
    <>
      <DataTable<BillView>
        label="已缴与历史账单"
        rowKey="id"
        {...list.table}
        columns={columns}
        url={url}
        empty="这户还没有已缴账单"
      />
      {refunding && (
        <ReasonDialog
          header={`退款：${refunding.item.name} ${refunding.period}`}
          warning="退款将通过微信支付原路退回住户，提交后不可撤回"
          reasonLabel="退款原因"
          minReason={2}
          confirmText="退款"
          maxFen={refunding.paidFen - refunding.refundedFen}
          onSubmit={(reason, amountFen) => api.post(`/api/staff/bills/${refunding.id}/refunds`, { amountFen, reason })}
          onClose={(done) => {
            setRefunding(undefined);
            if (done) list.reload();
          }}
        />
      )}
    </>
  );
}
