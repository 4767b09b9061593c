import { useState } from 'react';
import { Button, Checkbox, Select, Tag, type PrimaryTableCol } from 'tdesign-react';
import type { OfficeComplaintPage } from '../../../bff/src/api-types';
import { beijingTime } from '../api';
import type { ScreenProps } from '../shell/screens';
import { useKeysetList } from '../lib/keyset-pages';
import { useStaff } from './staff';
import { ClockTag } from './ClockTag';
import { ComplaintDrawer } from './ComplaintDrawer';
import { FileForCaller } from './FileForCaller';
import { KIND_LABELS, STATUS_LABELS, STATUS_TAG } from './labels';
import '../lib/screen.css';
import { DataTable, openColumn, useUrlTable } from '../lib/url-table';
import './voice.css';

type Row = OfficeComplaintPage['items'][number];
const STATUSES = Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }));
const KINDS = Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }));

/**
 * 投诉与咨询 (#31): the office's queue as a table — state, kind and 只看超时 in the URL, paging with the
 * total over keyset pages (GET …/complaints) — the open one in a drawer beside it with its clocks,
 * history and the office's next steps; 代登记 files one for a caller.
 */
export default function Complaints({ communityId, route }: ScreenProps) {
  const url = useUrlTable(route);
  const [status, kind, overdue] = [url.get('status'), url.get('kind'), url.get('overdue')];
  // From the statistics (docs/stats.md): filed in a month, re-handled at least once.
  const [month, rehandled] = [url.get('month'), url.get('rehandled')];
  const open = url.get('open') || undefined;
  const query = new URLSearchParams(
    Object.entries({ status, kind, overdue, month, rehandled }).filter(([, v]) => v),
  ).toString();
  const base = `/api/staff/communities/${communityId}/complaints${query ? `?${query}` : ''}`;
  const list = useKeysetList<Row>(base, url.page, url.size);
  const staff = useStaff(communityId);
  const [filing, setFiling] = useState(false);
  const nameOf = (id: string | null) => (id ? (staff.find((s) => s.id === id)?.name ?? '工作人员') : '—');

  const columns: PrimaryTableCol<Row>[] = [
    {
      colKey: 'kind',
      title: '类型',
      width: 110,
      sorter: true,
      cell: ({ row }) => `${KIND_LABELS[row.kind]} · ${row.category}`,
    },
    { colKey: 'text', title: '内容', ellipsis: true },
    { colKey: 'from', title: '来自', width: 150, cell: ({ row }) => row.from.unit ?? row.place ?? row.from.name },
    {
      colKey: 'status',
      title: '状态',
      width: 130,
      sorter: true,
      cell: ({ row }) => (
        <>
          <Tag theme={STATUS_TAG[row.status]} variant="light">
            {STATUS_LABELS[row.status]}
          </Tag>
          {row.urgent && <Tag theme="danger">紧急</Tag>}
          {row.rehandleCount > 0 && <Tag variant="outline">重办 {row.rehandleCount}</Tag>}
        </>
      ),
    },
    {
      colKey: 'deadlines',
      title: '时限',
      width: 170,
      cell: ({ row }) => (row.deadlines[0] ? <ClockTag deadline={row.deadlines[0]} /> : '—'),
    },
    { colKey: 'assigneeId', title: '负责人', width: 90, cell: ({ row }) => nameOf(row.assigneeId) },
    { colKey: 'filedAt', title: '登记时间', width: 165, sorter: true, cell: ({ row }) => beijingTime(row.filedAt) },
    openColumn<Row>('详情', (row) => url.set({ open: row.id })),
  ];

  return (
    <div className="wyt-page wyt-mgr">
      <h1>投诉与咨询</h1>
      <div className="wyt-mgr__bar" role="group" aria-label="筛选">
        <Select
          aria-label="状态"
          value={status}
          onChange={(v) => url.set({ status: String(v ?? ''), page: undefined })}
          options={[{ label: '全部状态', value: '' }, ...STATUSES]}
          style={{ width: 140 }}
        />
        <Select
          aria-label="类型"
          value={kind}
          onChange={(v) => url.set({ kind: String(v ?? ''), page: undefined })}
          options={[{ label: '投诉和咨询', value: '' }, ...KINDS]}
          style={{ width: 140 }}
        />
        <Checkbox
          checked={overdue === '1'}
          onChange={(on) => url.set({ overdue: on ? '1' : undefined, page: undefined })}
        >
          只看已超时
        </Checkbox>
        {month && (
          <Tag closable onClose={() => url.set({ month: undefined, page: undefined })} data-testid="filter-month">
            {`${month} 登记`}
          </Tag>
        )}
        {rehandled === '1' && (
          <Tag
            closable
            onClose={() => url.set({ rehandled: undefined, page: undefined })}
            data-testid="filter-rehandled"
          >
            重新处理过
          </Tag>
        )}
        <span className="wyt-mgr__grow" />
        <Button theme="primary" onClick={() => setFiling(true)}>
          代登记
        </Button>
      </div>
      <DataTable<Row>
        label="投诉与咨询列表"
        rowKey="id"
        columns={columns}
        {...list.table}
        empty="没有符合条件的投诉或咨询"
        url={url}
        activeKey={open}
      />
      <ComplaintDrawer id={open} staff={staff} onClose={() => url.set({ open: undefined })} onChanged={list.reload} />
      <FileForCaller
        open={filing}
        communityId={communityId}
        onClose={() => setFiling(false)}
        onFiled={(id) => {
          setFiling(false);
          list.reload();
          url.set({ open: id });
        }}
      />
    </div>
  );
}
