import { useCallback, useEffect, useState } from 'react';
import { Button, MessagePlugin, Select, type PrimaryTableCol } from 'tdesign-react';
import type { ModerationQueue } from '../../../bff/src/api-types';
import { api, beijingTime } from '../api';
import type { ScreenProps } from '../shell/screens';
import { confirm } from '../lib/confirm';
import { DataTable, useUrlTable } from '../lib/url-table';
import '../lib/screen.css';

type Row = ModerationQueue['items'][number];
const STATES = [
  { value: 'PENDING', label: '待审核' },
  { value: 'APPROVED', label: '已通过' },
  { value: 'REJECTED', label: '未通过' },
];

/**
 * 内容审核 (#26): what WeChat's content check held for a person to decide, oldest first (GET
 * …/moderation); 通过 shows it, 不通过 keeps it hidden for good — asked first (POST …/decision).
 */
export default function Moderation({ communityId, route }: ScreenProps) {
  const url = useUrlTable(route);
  const status = url.get('status') || 'PENDING';
  const [queue, setQueue] = useState<ModerationQueue>();
  const [error, setError] = useState<Error>();
  const load = useCallback(() => {
    setError(undefined);
    setQueue(undefined);
    api
      .get<ModerationQueue>(`/api/staff/communities/${communityId}/moderation?status=${status}`)
      .then(setQueue, setError);
  }, [communityId, status]);
  useEffect(load, [load]);

  const decide = async (row: Row, approve: boolean) => {
    const yes = approve
      ? await confirm('通过审核', `“${row.text ?? '图片'}”将对住户显示。`, '通过')
      : await confirm('不通过', '内容将一直隐藏，不能撤回。', '不通过', { danger: true });
    if (!yes) return;
    await api.post(`/api/staff/moderation/${row.id}/decision`, { approve }).then(
      () => void MessagePlugin.success(approve ? '已通过' : '已设为不通过'),
      (e: Error) => void MessagePlugin.error(e.message),
    );
    load();
  };

  const columns: PrimaryTableCol<Row>[] = [
    { colKey: 'kindLabel', title: '类型', width: 130, sorter: true },
    {
      colKey: 'text',
      title: '内容',
      cell: ({ row }) => (row.photo ? <img src={row.photo.url} alt="待审核图片" height={48} /> : row.text),
    },
    { colKey: 'reasonLabel', title: '原因', width: 170 },
    { colKey: 'author', title: '住户', width: 80 },
    { colKey: 'createdAt', title: '提交时间', width: 170, sorter: true, cell: ({ row }) => beijingTime(row.createdAt) },
    {
      colKey: 'op',
      title: '操作',
      width: 150,
      cell: ({ row }) =>
        row.status === 'PENDING' ? (
          <>
            <Button size="small" theme="primary" onClick={() => void decide(row, true)}>
              通过
            </Button>{' '}
            <Button size="small" theme="danger" variant="outline" onClick={() => void decide(row, false)}>
              不通过
            </Button>
          </>
        ) : (
          beijingTime(row.decidedAt ?? row.createdAt)
        ),
    },
  ];
  return (
    <div className="wyt-page wyt-mgr">
      <h1>内容审核</h1>
      <div className="wyt-mgr__bar" role="group" aria-label="筛选">
        <Select
          aria-label="审核状态"
          value={status}
          onChange={(v) => url.set({ status: String(v), page: undefined })}
          options={STATES}
          style={{ width: 140 }}
        />
        {queue && queue.total > queue.items.length && (
          <span className="wyt-mgr__note">共 {queue.total} 条，按时间先后显示前 100 条</span>
        )}
      </div>
      <DataTable<Row>
        label="审核队列"
        rowKey="id"
        columns={columns}
        rows={queue?.items}
        whole
        loading={!queue && !error}
        error={error}
        retry={load}
        empty={status === 'PENDING' ? '没有待审核的内容' : '没有记录'}
        url={url}
      />
    </div>
  );
}
