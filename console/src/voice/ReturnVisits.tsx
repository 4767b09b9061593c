import { useState } from 'react';
import { Button, Dialog, MessagePlugin, Radio, Tag, Textarea, type PrimaryTableCol } from 'tdesign-react';
import type { ReturnVisitList, ReturnVisitRate } from '../../../bff/src/api-types';
import { api, beijingTime } from '../api';
import type { ScreenProps } from '../shell/screens';
import { TabBar } from '../lib/tab-bar';
import { BarChart } from '../lib/bar-chart';
import { useLoad } from '../lib/use-load';
import { permille, VISIT_RESULT_LABELS, VISIT_RESULTS } from './labels';
import '../lib/screen.css';
import '../cashier-kit/cashier.css';
import { DataTable, useUrlTable } from '../lib/url-table';
import './voice.css';

type Row = ReturnVisitList['items'][number];
const thisMonth = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 7);

/**
 * 回访 (#31): the return-visit tasks after repairs — 待回访 oldest first, 已回访 newest first (tab in the
 * URL) — a phone visit recorded with its result and note, and the month's return-visit rate against 95 %.
 */
export default function ReturnVisits({ communityId, route }: ScreenProps) {
  const url = useUrlTable(route);
  const status = url.get('status') === 'DONE' ? 'DONE' : 'OPEN';
  // A month in the URL (the statistics' 回访率 link, or the picker) also narrows the lists to the visits
  // opened that month: the rows behind the rate (docs/stats.md).
  const chosen = url.get('month');
  const month = chosen || thisMonth();
  const base = `/api/staff/communities/${communityId}/return-visits`;
  const rows = `${base}?status=${status}&limit=100${chosen ? `&month=${chosen}` : ''}`;
  const list = useLoad(() => api.get<ReturnVisitList>(rows), rows);
  const rate = useLoad(() => api.get<ReturnVisitRate>(`${base}/rate?month=${month}`), `${base}|${month}`);
  const [visiting, setVisiting] = useState<Row>();

  const columns: PrimaryTableCol<Row>[] = [
    { colKey: 'number', title: '报修单号', width: 170, sorter: true },
    { colKey: 'part', title: '维修部位', width: 120 },
    {
      colKey: 'resident',
      title: '住户',
      width: 170,
      cell: ({ row }) => `${row.resident.name ?? ''} ${row.resident.phone ?? ''}`,
    },
    { colKey: 'createdAt', title: '维修完成', width: 170, sorter: true, cell: ({ row }) => beijingTime(row.createdAt) },
    status === 'OPEN'
      ? {
          colKey: 'op',
          title: '操作',
          width: 110,
          cell: ({ row }) => (
            <Button variant="text" theme="primary" onClick={() => setVisiting(row)}>
              记录回访
            </Button>
          ),
        }
      : {
          colKey: 'result',
          title: '回访结果',
          cell: ({ row }) => (
            <>
              <Tag variant="light" theme={row.result === 'UNSATISFIED' ? 'danger' : 'primary'}>
                {VISIT_RESULT_LABELS[row.result ?? ''] ?? '—'}
              </Tag>{' '}
              {row.methodLabel} {row.doneAt ? beijingTime(row.doneAt) : ''} {row.note ?? ''}
            </>
          ),
        },
  ];

  return (
    <div className="wyt-page wyt-mgr">
      <h1>回访</h1>
      <RatePanel rate={rate.data} month={month} onMonth={(m) => url.set({ month: m, page: undefined })} />
      {chosen && (
        <p className="wyt-mgr__bar" data-testid="visit-month-filter">
          只显示 {chosen} 完成的维修的回访{' '}
          <Button variant="text" theme="primary" onClick={() => url.set({ month: undefined, page: undefined })}>
            显示全部
          </Button>
        </p>
      )}
      <TabBar
        label="回访任务"
        tabs={[
          { value: 'OPEN', label: '待回访' },
          { value: 'DONE', label: '已回访' },
        ]}
        value={status}
        onChange={(v) => url.set({ status: v === 'OPEN' ? undefined : v, page: undefined, sort: undefined })}
      />
      <DataTable<Row>
        label={status === 'OPEN' ? '待回访列表' : '已回访列表'}
        rowKey="id"
        columns={columns}
        rows={list.data?.items}
        whole
        loading={list.loading}
        error={list.error}
        retry={() => void list.reload()}
        empty={status === 'OPEN' ? '没有待回访的维修' : '还没有回访记录'}
        url={url}
      />
      <VisitDialog
        row={visiting}
        onClose={() => setVisiting(undefined)}
        onDone={() => {
          setVisiting(undefined);
          void list.reload();
          void rate.reload();
        }}
      />
    </div>
  );
}

function RatePanel({ rate, month, onMonth }: { rate?: ReturnVisitRate; month: string; onMonth: (m: string) => void }) {
  return (
    <section aria-label="回访率" data-testid="visit-rate">
      <div className="wyt-mgr__bar">
        <label>
          月份{' '}
          <input
            type="month"
            className="t-input"
            value={month}
            onChange={(e) => e.target.value && onMonth(e.target.value)}
            style={{ width: 160 }}
          />
        </label>
      </div>
      {rate && (
        <div className="wyt-voice__figures">
          <div>
            回访率<strong data-testid="visit-rate-value">{permille(rate.ratePermille)}</strong>
          </div>
          <div>
            目标<strong>≥ {permille(rate.target)}</strong>
          </div>
          <div>
            应回访<strong>{rate.due}</strong>
          </div>
          <div>
            已回访<strong>{rate.done}</strong>
          </div>
          <div>{rate.met === null ? '本月没有需要回访的维修' : rate.met ? '已达标' : '未达标'}</div>
        </div>
      )}
      {rate && rate.due > 0 && (
        <BarChart
          title={`${month} 回访情况`}
          bars={[
            { label: '电话回访', value: rate.byPhone, text: `${rate.byPhone}` },
            { label: '住户评价', value: rate.byRating, text: `${rate.byRating}` },
            { label: '未回访', value: rate.due - rate.done, text: `${rate.due - rate.done}` },
          ]}
        />
      )}
    </section>
  );
}

function VisitDialog({ row, onClose, onDone }: { row?: Row; onClose: () => void; onDone: () => void }) {
  const [result, setResult] = useState('');
  const [note, setNote] = useState('');
  const submit = async () => {
    if (!row) return;
    if (!result) return void MessagePlugin.warning('请选择回访结果');
    try {
      await api.post(`/api/staff/return-visits/${row.id}`, { result, note: note.trim() });
      void MessagePlugin.success('已记录回访');
      setResult('');
      setNote('');
      onDone();
    } catch (e) {
      void MessagePlugin.error((e as Error).message);
    }
  };
  return (
    <Dialog
      visible={Boolean(row)}
      header={`电话回访 ${row?.number ?? ''}`}
      confirmBtn="保存"
      cancelBtn="取消"
      onClose={onClose}
      onConfirm={() => void submit()}
    >
      <div className="wyt-voice__form">
        <p>
          {row?.part} · {row?.resident.name} {row?.resident.phone}
        </p>
        <Radio.Group value={result} onChange={(v) => setResult(String(v))} aria-label="回访结果">
          {VISIT_RESULTS.map((r) => (
            <Radio key={r.value} value={r.value}>
              {r.label}
            </Radio>
          ))}
        </Radio.Group>
        <label className="wyt-voice__field">
          回访记录
          <Textarea value={note} onChange={(v) => setNote(String(v))} maxlength={300} autosize={{ minRows: 2 }} />
        </label>
      </div>
    </Dialog>
  );
}
