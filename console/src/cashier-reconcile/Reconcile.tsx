import { useCallback, useEffect, useState } from 'react';
import { Button, Tag, type PrimaryTableCol } from 'tdesign-react';
import type { ReconcileRunList, ReconcileRunView } from '../../../bff/src/api-types';
import { api, beijingTime, yuan } from '../api';
import type { Route } from '../route';
import { DataTable, useUrlTable } from '../lib/url-table';
import { beijingDay, RECONCILE_KIND } from '../cashier-kit/labels';
import { DifferenceDrawer } from './DifferenceDrawer';
import '../cashier-kit/cashier.css';

type Run = ReconcileRunList['items'][number];
export type Difference = ReconcileRunView['differences'][number];

const fen = (v: number | null) => (v === null ? '—' : yuan(v));

const RUN_COLUMNS: PrimaryTableCol<Run>[] = [
  { colKey: 'day', title: '日期', width: 110, sorter: true },
  { colKey: 'matchedCount', title: '收款笔数', width: 100, align: 'right', sorter: true },
  {
    colKey: 'matchedFen',
    title: '收款金额',
    width: 120,
    align: 'right',
    sorter: true,
    cell: ({ row }) => yuan(row.matchedFen),
  },
  { colKey: 'refundMatchedCount', title: '退款笔数', width: 100, align: 'right' },
  {
    colKey: 'refundMatchedFen',
    title: '退款金额',
    width: 110,
    align: 'right',
    cell: ({ row }) => yuan(row.refundMatchedFen),
  },
  {
    colKey: 'wechatFeeMilliFen',
    title: '手续费',
    width: 100,
    align: 'right',
    cell: ({ row }) => yuan(Math.round(row.wechatFeeMilliFen / 1000)),
  },
  {
    colKey: 'open',
    title: '差异（未处理）',
    width: 130,
    align: 'right',
    sorter: true,
    cell: ({ row }) => (
      <Tag theme={row.open ? 'danger' : 'success'} variant="light">
        {row.differences}（{row.open}）
      </Tag>
    ),
  },
  {
    colKey: 'completedAt',
    title: '完成时间',
    width: 170,
    cell: ({ row }) =>
      row.lastError ? `失败：${row.lastError}` : row.completedAt ? beijingTime(row.completedAt) : '—',
  },
];

const DIFF_COLUMNS: PrimaryTableCol<Difference>[] = [
  { colKey: 'kind', title: '类型', width: 130, sorter: true, cell: ({ row }) => RECONCILE_KIND[row.kind] ?? row.kind },
  { colKey: 'outTradeNo', title: '商户订单号', width: 230, ellipsis: true },
  { colKey: 'wechatFen', title: '微信金额', width: 110, align: 'right', cell: ({ row }) => fen(row.wechatFen) },
  { colKey: 'ourFen', title: '我方金额', width: 110, align: 'right', cell: ({ row }) => fen(row.ourFen) },
  { colKey: 'detail', title: '说明', ellipsis: true },
  {
    colKey: 'resolvedAt',
    title: '处理',
    width: 100,
    cell: ({ row }) => (
      <Tag theme={row.resolvedAt ? 'success' : 'warning'} variant="light">
        {row.resolvedAt ? '已处理' : '待处理'}
      </Tag>
    ),
  },
];

/**
 * 对账 (docs/console.md §Reconciliation): the runs of a range of days as a table (counts, sums, fees,
 * open differences), a day reconciled on demand, the chosen day's differences as a table, and one
 * difference in a drawer beside the list, resolved with a note. Range, day and difference are in the URL.
 */
export default function Reconcile({ route }: { communityId: string; route: Route }) {
  const url = useUrlTable(route, '/reconcile');
  const from = url.get('from', beijingDay(-30));
  const to = url.get('to', beijingDay(0));
  const day = url.get('day');
  const [runs, setRuns] = useState<Run[]>();
  const [error, setError] = useState<Error>();
  const [target, setTarget] = useState(beijingDay(-1));
  const [busy, setBusy] = useState(false);
  const [runError, setRunError] = useState('');
  const load = useCallback(() => {
    setError(undefined);
    api
      .get<ReconcileRunList>(`/api/staff/reconciliation/runs?from=${from}&to=${to}`)
      .then((r) => setRuns(r.items), setError);
  }, [from, to]);
  useEffect(load, [load]);

  async function reconcile() {
    setBusy(true);
    setRunError('');
    try {
      await api.post('/api/staff/reconciliation/runs', { day: target });
      url.set({ day: target, diff: undefined });
      load();
    } catch (e) {
      setRunError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="wyt-page wyt-cashier">
      <h1>对账</h1>
      <form
        className="wyt-cashier__row"
        aria-label="对账"
        onSubmit={(e) => {
          e.preventDefault();
          void reconcile();
        }}
      >
        <label>
          对账日期 <input type="date" value={target} onChange={(e) => setTarget(e.target.value)} />
        </label>
        <Button type="submit" loading={busy}>
          下载微信账单并对账
        </Button>
        {runError && (
          <span role="alert" className="wyt-cashier__error">
            {runError}
          </span>
        )}
      </form>
      <DataTable<Run>
        label="每日对账"
        rowKey="day"
        countId="runs-count"
        unit="天"
        rows={runs ?? []}
        loading={!runs && !error}
        error={error}
        retry={load}
        columns={RUN_COLUMNS}
        url={url}
        empty="这段时间还没有对账记录"
        onRowClick={(r) => url.set({ day: r.day, diff: undefined })}
      >
        <label>
          从 <input type="date" value={from} onChange={(e) => url.set({ from: e.target.value, day: undefined })} />
        </label>
        <label>
          到 <input type="date" value={to} onChange={(e) => url.set({ to: e.target.value, day: undefined })} />
        </label>
      </DataTable>
      {day && (
        <Differences
          day={day}
          diffId={url.get('diff')}
          onOpen={(id) => url.set({ diff: id })}
          onResolved={load}
          url={url}
        />
      )}
    </div>
  );
}

function Differences(p: {
  day: string;
  diffId: string;
  onOpen: (id: string | undefined) => void;
  onResolved: () => void;
  url: ReturnType<typeof useUrlTable>;
}) {
  const [view, setView] = useState<ReconcileRunView>();
  const [error, setError] = useState<Error>();
  const load = useCallback(() => {
    setError(undefined);
    api.get<ReconcileRunView>(`/api/staff/reconciliation/runs/${p.day}`).then(setView, setError);
  }, [p.day]);
  useEffect(load, [load]);
  const open = view?.differences.find((d) => d.id === p.diffId);
  return (
    <section aria-label={`${p.day} 的差异`}>
      <h2>{p.day} 的差异</h2>
      <DataTable<Difference>
        label={`${p.day} 的差异`}
        rowKey="id"
        countId="differences-count"
        rows={view?.differences ?? []}
        loading={!view && !error}
        error={error}
        retry={load}
        columns={DIFF_COLUMNS}
        url={p.url}
        empty="这一天没有差异：微信账单与我方记录一致"
        onRowClick={(d) => p.onOpen(d.id)}
      />
      {open && (
        <DifferenceDrawer
          difference={open}
          onClose={() => p.onOpen(undefined)}
          onResolved={() => {
            load();
            p.onResolved();
          }}
        />
      )}
    </section>
  );
}
