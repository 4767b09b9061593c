import { useState } from 'react';
import { Button, MessagePlugin, type PrimaryTableCol } from 'tdesign-react';
import type { TransferPage } from '../../../bff/src/api-types';
import { beijingTime } from '../api';
import type { ScreenProps } from '../shell/screens';
import { useKeysetList } from '../lib/keyset-pages';
import { DataTable, useUrlTable } from '../lib/url-table';
import { TransferDialog } from './TransferDialog';
import '../lib/screen.css';
import '../roles/roles.css';

type Row = TransferPage['items'][number];
const people = (list: Row['buyers']) => list.map((p) => `${p.name ?? '—'} ${p.phone ?? ''}`).join('、') || '—';

/**
 * 过户登记 (docs/roles.md, Ownership transfer): the community's recorded sales, newest first, and
 * 登记过户 — the unit found by building and number, the buyers, the date and the evidence, confirmed
 * before it is saved (it ends the seller's access at once and cannot be undone here).
 */
export default function Transfers({ communityId, route }: ScreenProps) {
  const url = useUrlTable(route);
  const list = useKeysetList<Row>(`/api/staff/communities/${communityId}/transfers`, url.page, url.size);
  const [open, setOpen] = useState(false);
  const columns: PrimaryTableCol<Row>[] = [
    { colKey: 'unit', title: '房屋', width: 140 },
    { colKey: 'onDate', title: '过户日期', width: 120 },
    { colKey: 'sellers', title: '原业主', width: 200, cell: ({ row }) => people(row.sellers) },
    { colKey: 'buyers', title: '新业主', width: 200, cell: ({ row }) => people(row.buyers) },
    { colKey: 'reason', title: '原因与证明', cell: ({ row }) => `${row.reason}（${row.evidence}）` },
    {
      colKey: 'recordedAt',
      title: '登记',
      width: 200,
      cell: ({ row }) => `${row.recordedBy ?? ''} ${beijingTime(row.recordedAt)}`,
    },
  ];
  return (
    <div className="wyt-page wyt-mgr">
      <h1>过户登记</h1>
      <div className="wyt-mgr__bar" role="group" aria-label="操作">
        <Button theme="primary" onClick={() => setOpen(true)}>
          登记过户
        </Button>
      </div>
      <DataTable<Row> label="过户记录" rowKey="id" columns={columns} {...list.table} empty="还没有过户记录" url={url} />
      {open && (
        <TransferDialog
          communityId={communityId}
          onClose={(done) => {
            setOpen(false);
            if (!done) return;
            void MessagePlugin.success('已登记过户');
            list.reload();
          }}
        />
      )}
    </div>
  );
}
