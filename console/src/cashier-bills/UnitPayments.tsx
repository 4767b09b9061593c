import { useCallback, useState } from 'react';
import { Button, Tag, type PrimaryTableCol } from 'tdesign-react';
import type { CounterPaymentListPage } from '../../../bff/src/api-types';
import { api, beijingTime, yuan } from '../api';
import { DataTable, type UrlTable } from '../lib/url-table';
import { useKeysetPage } from '../lib/keyset-pages';
import { CHANNEL, PAYMENT_STATE } from '../cashier-kit/labels';
import { ReasonDialog } from '../lib/reason-dialog';

type Row = CounterPaymentListPage['items'][number];

/**
 * A unit's counter receipts, newest first: each opens its receipt (to print again), and one still
 * valid can be asked to be voided — with a reason; a manager other than the cashier approves it
 * (docs/domain.md, counter payments).
 */
export function UnitPayments({ communityId, unitId, url }: { communityId: string; unitId: string; url: UrlTable }) {
  const [voiding, setVoiding] = useState<Row>();
  const fetchPage = useCallback(
    (cursor: string | undefined, limit: number) =>
      api.get<CounterPaymentListPage>(
        `/api/staff/communities/${communityId}/counter-payments?unitId=${unitId}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
      ),
    [communityId, unitId],
  );
  const list = useKeysetPage(`${unitId}|${url.size}`, url.page, url.size, fetchPage);
  const columns: PrimaryTableCol<Row>[] = [
    {
      colKey: 'receiptNo',
      title: '收据号',
      width: 190,
      cell: ({ row }) => <a href={`#/receipt/${row.id}`}>{row.receiptNo}</a>,
    },
    { colKey: 'takenAt', title: '收款时间', width: 170, sorter: true, cell: ({ row }) => beijingTime(row.takenAt) },
    { colKey: 'channel', title: '方式', width: 80, cell: ({ row }) => CHANNEL[row.channel] },
    {
      colKey: 'amountFen',
      title: '金额',
      width: 110,
      align: 'right',
      sorter: true,
      cell: ({ row }) => yuan(row.amountFen),
    },
    { colKey: 'bills', title: '笔数', width: 70, align: 'right' },
    { colKey: 'takenByName', title: '收银员', width: 100 },
    {
      colKey: 'state',
      title: '状态',
      width: 120,
      cell: ({ row }) => (
        <Tag
          variant="light"
          theme={row.state === 'RECORDED' ? 'success' : 'warning'}
          title={row.voidReason ?? undefined}
        >
          {PAYMENT_STATE[row.state]}
        </Tag>
      ),
    },
    {
      colKey: 'op',
      title: '操作',
      width: 100,
      cell: ({ row }) =>
        row.state === 'RECORDED' ? (
          <Button size="small" variant="text" theme="danger" onClick={() => setVoiding(row)}>
            申请作废
          </Button>
        ) : null,
    },
  ];
  return (
    <>
      <DataTable<Row>
        label="收款记录"
        rowKey="id"
        {...list.table}
        columns={columns}
        url={url}
        empty="这户还没有柜台收款记录"
      />
      {voiding && (
        <ReasonDialog
          header={`申请作废收据 ${voiding.receiptNo}`}
          warning="作废申请提交后不能撤回，须由另一位经理审批后生效，账单恢复为未缴"
          reasonLabel="作废原因"
          minReason={4}
          confirmText="申请作废"
          onSubmit={(reason) => api.post(`/api/staff/counter-payments/${voiding.id}/void`, { reason })}
          onClose={(done) => {
            setVoiding(undefined);
            if (done) list.reload();
          }}
        />
      )}
    </>
  );
}
