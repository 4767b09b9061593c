import { useEffect, useState } from 'react';
import { Button, MessagePlugin, Select, Tag, type PrimaryTableCol } from 'tdesign-react';
import type { StaffNoticeListPage, UnreadUnit } from '../../../bff/src/api-types';
import { api, beijingTime } from '../api';
import { go } from '../route';
import type { ScreenProps } from '../shell/screens';
import { ErrorState, LoadingState, EmptyState } from '../states';
import { ReasonDialog } from '../lib/reason-dialog';
import { useKeysetList } from '../lib/keyset-pages';
import { SideDrawer } from '../lib/side-drawer';
import { CATEGORY_LABELS, NOTICE_STATUS_LABELS } from '../repairs/labels';
import { DataTable, useUrlTable } from '../lib/url-table';
import '../lib/screen.css';

type Row = StaffNoticeListPage['items'][number];
const percent = (r: number) => `${Math.round(r * 1000) / 10}%`;

/**
 * 公告 (#26): the community's notices with their read rates (GET …/notices), a new one or a draft
 * opens the editor, a published one lists its unread units in the drawer or is withdrawn (asked first).
 */
export default function Notices({ communityId, route }: ScreenProps) {
  const url = useUrlTable(route);
  const [status, unread] = [url.get('status'), url.get('unread') || undefined];
  const list = useKeysetList<Row>(
    `/api/staff/communities/${communityId}/notices${status ? `?status=${status}` : ''}`,
    url.page,
    url.size,
  );
  const [withdrawing, setWithdrawing] = useState<Row>();
  const columns: PrimaryTableCol<Row>[] = [
    { colKey: 'title', title: '标题', ellipsis: true, sorter: true },
    { colKey: 'category', title: '类别', width: 100, cell: ({ row }) => CATEGORY_LABELS[row.category] },
    {
      colKey: 'status',
      title: '状态',
      width: 90,
      sorter: true,
      cell: ({ row }) => <Tag variant="light">{NOTICE_STATUS_LABELS[row.status]}</Tag>,
    },
    {
      colKey: 'publishedAt',
      title: '发布时间',
      width: 170,
      sorter: true,
      cell: ({ row }) => (row.publishedAt ? beijingTime(row.publishedAt) : '—'),
    },
    {
      colKey: 'readRate',
      title: '阅读率',
      width: 150,
      sorter: true,
      cell: ({ row }) => `${percent(row.reads.readRate)}（${row.reads.readCount}/${row.reads.targetCount}）`,
    },
    {
      colKey: 'op',
      title: '操作',
      width: 170,
      cell: ({ row }) =>
        row.status === 'DRAFT' ? (
          <Button variant="text" theme="primary" onClick={() => go('/notice-edit', { id: row.id })}>
            编辑
          </Button>
        ) : row.status === 'PUBLISHED' ? (
          <>
            <Button variant="text" theme="primary" onClick={() => url.set({ unread: row.id })}>
              未读房屋
            </Button>
            <Button variant="text" theme="danger" onClick={() => setWithdrawing(row)}>
              撤回
            </Button>
          </>
        ) : (
          row.withdrawReason
        ),
    },
  ];
  const rows = list.table.rows?.map((n) => ({ ...n, readRate: n.reads.readRate }));
  return (
    <div className="wyt-page wyt-mgr">
      <h1>公告</h1>
      <div className="wyt-mgr__bar" role="group" aria-label="筛选">
        <Select
          aria-label="公告状态"
          value={status}
          onChange={(v) => url.set({ status: String(v ?? ''), page: undefined })}
          options={[
            { label: '全部', value: '' },
            ...Object.entries(NOTICE_STATUS_LABELS).map(([value, label]) => ({ value, label })),
          ]}
          style={{ width: 140 }}
        />
        <span className="wyt-mgr__grow" />
        <Button theme="primary" onClick={() => go('/notice-edit')}>
          新建公告
        </Button>
      </div>
      <DataTable<Row>
        label="公告列表"
        rowKey="id"
        columns={columns}
        {...list.table}
        rows={rows}
        empty="还没有公告"
        url={url}
        activeKey={unread}
      />
      {withdrawing && (
        <ReasonDialog
          header={`撤回公告“${withdrawing.title}”`}
          reasonLabel="撤回原因（住户会看到，撤回后不能再发布）"
          minReason={2}
          confirmText="撤回"
          danger
          onSubmit={(reason) => api.post(`/api/staff/notices/${withdrawing.id}/withdraw`, { reason })}
          onClose={(done) => {
            setWithdrawing(undefined);
            if (!done) return;
            void MessagePlugin.success('已撤回');
            list.reload();
          }}
        />
      )}
      <UnreadDrawer id={unread} onClose={() => url.set({ unread: undefined })} />
    </div>
  );
}

/** The units none of whose verified members has opened the notice (GET /api/staff/notices/:id/unread-units). */
function UnreadDrawer({ id, onClose }: { id?: string; onClose: () => void }) {
  const [units, setUnits] = useState<UnreadUnit[]>();
  const [error, setError] = useState<Error>();
  useEffect(() => {
    setUnits(undefined);
    setError(undefined);
    if (id)
      api
        .get<{ items: UnreadUnit[] }>(`/api/staff/notices/${id}/unread-units`)
        .then((r) => setUnits(r.items), setError);
  }, [id]);
  return (
    <SideDrawer open={Boolean(id)} header="未读房屋" label="未读房屋清单" onClose={onClose}>
      <section aria-label="未读房屋" data-testid="unread-units">
        {error ? (
          <ErrorState error={error} />
        ) : !units ? (
          <LoadingState />
        ) : units.length === 0 ? (
          <EmptyState text="所有房屋都已阅读" />
        ) : (
          <>
            <p className="wyt-mgr__note">共 {units.length} 户未读</p>
            <ul className="wyt-timeline">
              {units.map((u) => (
                <li key={u.unitId}>
                  {u.building} {u.number}室 · {u.members.map((m) => m.name ?? '住户').join('、') || '无已认证住户'}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </SideDrawer>
  );
}
