import { useCallback, useEffect, useState } from 'react';
import { Tag, type PrimaryTableCol } from 'tdesign-react';
import type { OverdueBoard } from '../../../bff/src/api-types';
import { api, beijingTime } from '../api';
import type { ScreenProps } from '../shell/screens';
import { RepairDrawer } from './RepairDrawer';
import { useTechnicians } from './technicians';
import { STATUS_LABELS, STATUS_TAG } from './labels';
import { DataTable, openColumn, useUrlTable } from '../lib/url-table';
import '../lib/screen.css';

type Row = OverdueBoard['items'][number] & { lateMinutes: number };
const late = (m: number) =>
  m >= 1440 ? `${Math.floor(m / 1440)} 天` : m >= 60 ? `${Math.floor(m / 60)} 小时` : `${m} 分钟`;

/**
 * 超时看板 (#26): the open repairs past one of their SLA clocks or appealed as urgent, the most late
 * first (GET …/repairs/overdue), with the calendar's run-out warning; each opens in the drawer.
 */
export default function Overdue({ communityId, route }: ScreenProps) {
  const url = useUrlTable(route);
  const open = url.get('open') || undefined;
  const techs = useTechnicians(communityId);
  const [board, setBoard] = useState<OverdueBoard>();
  const [error, setError] = useState<Error>();
  const load = useCallback(() => {
    setError(undefined);
    api.get<OverdueBoard>(`/api/staff/communities/${communityId}/repairs/overdue`).then(setBoard, setError);
  }, [communityId]);
  useEffect(load, [load]);

  const columns: PrimaryTableCol<Row>[] = [
    { colKey: 'number', title: '单号', width: 170, sorter: true },
    { colKey: 'place', title: '位置', width: 150, sorter: true },
    { colKey: 'summary', title: '故障', ellipsis: true },
    {
      colKey: 'status',
      title: '状态',
      width: 100,
      cell: ({ row }) => (
        <Tag theme={STATUS_TAG[row.status]} variant="light">
          {STATUS_LABELS[row.status]}
        </Tag>
      ),
    },
    { colKey: 'assignee', title: '维修工', width: 90, cell: ({ row }) => row.assignee ?? '—' },
    {
      colKey: 'overdue',
      title: '超时',
      width: 260,
      cell: ({ row }) =>
        row.overdue.map((o) => (
          <Tag key={o.clock} theme="danger" variant="light" title={`应于 ${beijingTime(o.dueAt)}`}>
            {o.label} 超时 {late(o.lateMinutes)}
          </Tag>
        )),
    },
    {
      colKey: 'lateMinutes',
      title: '最长超时',
      width: 110,
      sorter: true,
      cell: ({ row }) => late(row.overdue[0]?.lateMinutes ?? 0),
    },
    openColumn<Row>('处理', (row) => url.set({ open: row.id })),
  ];
  const rows: Row[] | undefined = board?.items.map((r) => ({ ...r, lateMinutes: r.overdue[0]?.lateMinutes ?? 0 }));
  return (
    <div className="wyt-page wyt-mgr">
      <h1>超时看板</h1>
      {board?.calendarWarning && (
        <p className="wyt-mgr__warn" role="status">
          {board.calendarWarning}
        </p>
      )}
      <DataTable<Row>
        label="超时报修"
        rowKey="id"
        columns={columns}
        rows={rows}
        whole
        loading={!board && !error}
        error={error}
        retry={load}
        empty="没有超时的报修"
        url={url}
        activeKey={open}
      />
      <RepairDrawer
        id={open}
        technicians={techs.items ?? []}
        onClose={() => url.set({ open: undefined })}
        onChanged={() => {
          load();
          techs.reload();
        }}
      />
    </div>
  );
}
