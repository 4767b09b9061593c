import { useCallback, useEffect, useState } from 'react';
import { Button, MessagePlugin, Select, Tag, Textarea, type PrimaryTableCol } from 'tdesign-react';
import type { SnapshotDetail, StaffSnapshotListPage } from '../../../bff/src/api-types';
import { api, beijingTime } from '../api';
import type { ScreenProps } from '../shell/screens';
import { ErrorState, LoadingState } from '../states';
import { useKeysetList } from '../lib/keyset-pages';
import { SideDrawer } from '../lib/side-drawer';
import { SNAPSHOT_KIND_LABELS, SNAPSHOT_STATUS_LABELS } from '../repairs/labels';
import { DataTable, openColumn, useUrlTable } from '../lib/url-table';
import '../lib/screen.css';

type Row = StaffSnapshotListPage['items'][number];
const options = (labels: Record<string, string>, all: string) => [
  { label: all, value: '' },
  ...Object.entries(labels).map(([value, label]) => ({ value, label })),
];

/**
 * 随手拍 inbox (#26): kind and state filters in the URL, keyset pages with the total
 * (GET …/snapshots); opening one is accepting it, as on the phone; the office replies in the drawer.
 */
export default function Snapshots({ communityId, route }: ScreenProps) {
  const url = useUrlTable(route);
  const [status, kind, open] = [url.get('status'), url.get('kind'), url.get('open') || undefined];
  const q = new URLSearchParams({ ...(status ? { status } : {}), ...(kind ? { kind } : {}) }).toString();
  const list = useKeysetList<Row>(
    `/api/staff/communities/${communityId}/snapshots${q ? `?${q}` : ''}`,
    url.page,
    url.size,
  );
  const columns: PrimaryTableCol<Row>[] = [
    { colKey: 'kind', title: '类型', width: 80, sorter: true, cell: ({ row }) => SNAPSHOT_KIND_LABELS[row.kind] },
    { colKey: 'text', title: '内容', ellipsis: true },
    { colKey: 'place', title: '位置', width: 140, cell: ({ row }) => row.place ?? '—' },
    {
      colKey: 'status',
      title: '状态',
      width: 100,
      sorter: true,
      cell: ({ row }) => <Tag variant="light">{SNAPSHOT_STATUS_LABELS[row.status]}</Tag>,
    },
    { colKey: 'createdAt', title: '提交时间', width: 170, sorter: true, cell: ({ row }) => beijingTime(row.createdAt) },
    openColumn<Row>('查看', (row) => url.set({ open: row.id })),
  ];
  return (
    <div className="wyt-page wyt-mgr">
      <h1>随手拍</h1>
      <div className="wyt-mgr__bar" role="group" aria-label="筛选">
        <Select
          aria-label="类型"
          value={kind}
          onChange={(v) => url.set({ kind: String(v ?? ''), page: undefined })}
          options={options(SNAPSHOT_KIND_LABELS, '全部类型')}
          style={{ width: 140 }}
        />
        <Select
          aria-label="状态"
          value={status}
          onChange={(v) => url.set({ status: String(v ?? ''), page: undefined })}
          options={options(SNAPSHOT_STATUS_LABELS, '全部状态')}
          style={{ width: 140 }}
        />
      </div>
      <DataTable<Row>
        label="随手拍列表"
        rowKey="id"
        columns={columns}
        {...list.table}
        empty="还没有住户的随手拍"
        url={url}
        activeKey={open}
      />
      <SnapshotDrawer id={open} onClose={() => url.set({ open: undefined })} onChanged={list.reload} />
    </div>
  );
}

function SnapshotDrawer({ id, onClose, onChanged }: { id?: string; onClose: () => void; onChanged: () => void }) {
  const [item, setItem] = useState<SnapshotDetail>();
  const [error, setError] = useState<Error>();
  const [reply, setReply] = useState('');
  const load = useCallback(() => {
    if (!id) return;
    setError(undefined);
    api.get<SnapshotDetail>(`/api/snapshots/${id}`).then((s) => {
      setItem(s);
      onChanged(); // opening accepts it: the list's state changes
    }, setError);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per opened item
  }, [id]);
  useEffect(() => {
    setItem(undefined);
    setReply('');
    load();
  }, [load]);
  const send = () =>
    api.post<SnapshotDetail>(`/api/snapshots/${id}/actions`, { action: 'reply', text: reply }).then(
      (s) => {
        setItem(s);
        setReply('');
        onChanged();
        void MessagePlugin.success('已回复');
      },
      (e: Error) => void MessagePlugin.error(e.message),
    );
  return (
    <SideDrawer open={Boolean(id)} header="随手拍" label="随手拍详情" onClose={onClose}>
      {error ? (
        <ErrorState error={error} retry={load} />
      ) : !item ? (
        <LoadingState />
      ) : (
        <section aria-label="随手拍详情">
          <dl className="wyt-detail">
            <dt>类型</dt>
            <dd>{SNAPSHOT_KIND_LABELS[item.kind]}</dd>
            <dt>状态</dt>
            <dd>{SNAPSHOT_STATUS_LABELS[item.status]}</dd>
            <dt>住户</dt>
            <dd>{item.author}</dd>
            <dt>内容</dt>
            <dd>{item.text}</dd>
            <dt>位置</dt>
            <dd>{item.place ?? '—'}</dd>
          </dl>
          {item.photos.map((p) => (
            <img key={p.id} src={p.url} alt="随手拍照片" width={120} />
          ))}
          <ol className="wyt-timeline" aria-label="往来记录">
            {item.thread.map((m) => (
              <li key={m.id}>
                {beijingTime(m.at)} · {m.by}：{m.text}
              </li>
            ))}
          </ol>
          {['SUBMITTED', 'ACCEPTED', 'HANDLED'].includes(item.status) && (
            <div className="wyt-actions">
              <Textarea
                aria-label="回复住户"
                placeholder="回复住户（2–500 字）"
                value={reply}
                onChange={(v) => setReply(String(v))}
              />
              <Button
                onClick={() => (reply.trim().length < 2 ? void MessagePlugin.warning('回复至少 2 个字') : void send())}
              >
                回复
              </Button>
            </div>
          )}
        </section>
      )}
    </SideDrawer>
  );
}
