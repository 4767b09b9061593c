import { Select, Tag, type PrimaryTableCol } from 'tdesign-react';
import type { StaffRepairListPage } from '../../../bff/src/api-types';
import { beijingTime } from '../api';
import type { ScreenProps } from '../shell/screens';
import { useKeysetList } from '../lib/keyset-pages';
import { RepairDrawer } from './RepairDrawer';
import { useTechnicians } from './technicians';
import { FAULT_LABELS, STATUS_LABELS, STATUS_TAG } from './labels';
import { DataTable, openColumn, useUrlTable } from '../lib/url-table';
import '../lib/screen.css';

type Row = StaffRepairListPage['items'][number];
const STATUSES = Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }));

/**
 * 报修 as a table (#26): state filter, sort, page and the open repair in the URL; paging with the
 * total over keyset pages (GET …/repairs); the repair and its actions in a drawer beside the list.
 */
export default function Repairs({ communityId, route }: ScreenProps) {
  const url = useUrlTable(route);
  const status = url.get('status');
  const open = url.get('open') || undefined;
  const base = `/api/staff/communities/${communityId}/repairs${status ? `?status=${status}` : ''}`;
  const list = useKeysetList<Row>(base, url.page, url.size);
  const techs = useTechnicians(communityId);

  const columns: PrimaryTableCol<Row>[] = [
    { colKey: 'number', title: '单号', width: 170, sorter: true },
    { colKey: 'place', title: '位置', width: 150, sorter: true },
    {
      colKey: 'phenomenon',
      title: '故障',
      ellipsis: true,
      cell: ({ row }) => `${FAULT_LABELS[row.faultType]} · ${row.part}：${row.phenomenon}`,
    },
    {
      colKey: 'status',
      title: '状态',
      width: 110,
      sorter: true,
      cell: ({ row }) => (
        <>
          <Tag theme={STATUS_TAG[row.status]} variant="light">
            {STATUS_LABELS[row.status]}
          </Tag>
          {row.emergency && <Tag theme="danger">应急</Tag>}
        </>
      ),
    },
    { colKey: 'assignee', title: '维修工', width: 90, cell: ({ row }) => row.assignee?.name ?? '—' },
    { colKey: 'filedAt', title: '报修时间', width: 170, sorter: true, cell: ({ row }) => beijingTime(row.filedAt) },
    openColumn<Row>('详情', (row) => url.set({ open: row.id })),
  ];

  return (
    <div className="wyt-page wyt-mgr">
      <h1>报修列表</h1>
      <div className="wyt-mgr__bar" role="group" aria-label="筛选">
        <Select
          aria-label="状态"
          value={status}
          onChange={(v) => url.set({ status: String(v ?? ''), page: undefined })}
          options={[{ label: '全部状态', value: '' }, ...STATUSES]}
          style={{ width: 160 }}
        />
        <span className="wyt-mgr__grow" />
      </div>
      <DataTable<Row>
        label="报修列表"
        rowKey="id"
        columns={columns}
        {...list.table}
        empty="没有符合条件的报修"
        url={url}
        activeKey={open}
      />
      <RepairDrawer
        id={open}
        technicians={techs.items ?? []}
        onClose={() => url.set({ open: undefined })}
        onChanged={() => {
          list.reload();
          techs.reload();
        }}
      />
    </div>
  );
}
