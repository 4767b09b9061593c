import { useCallback, useEffect, useState } from 'react';
import { Button, type PrimaryTableCol } from 'tdesign-react';
import type { Me, TakingsReport } from '../../../bff/src/api-types';
import { api, beijingTime, yuan } from '../api';
import type { Route } from '../route';
import { DataTable, useUrlTable } from '../lib/url-table';
import { BarChart } from '../lib/bar-chart';
import { beijingDay, CHANNEL } from '../cashier-kit/labels';
import { ExportButtons } from './ExportButtons';
import '../cashier-kit/cashier.css';
import './reports.css';

type Day = TakingsReport['days'][number];
type Item = TakingsReport['items'][number];
const CHANNELS = ['WECHAT', 'CASH', 'TRANSFER', 'POS'] as const;

const byChannel = <T extends { byChannel: Record<string, number> }>(): PrimaryTableCol<T>[] =>
  CHANNELS.map((c) => ({
    colKey: `byChannel.${c}`,
    title: CHANNEL[c],
    width: 110,
    align: 'right',
    cell: ({ row }) => yuan(row.byChannel[c] ?? 0),
  }));
const DAY_COLUMNS: PrimaryTableCol<Day>[] = [
  { colKey: 'day', title: '日期', width: 110, sorter: true },
  ...byChannel<Day>(),
  {
    colKey: 'totalFen',
    title: '合计',
    width: 120,
    align: 'right',
    sorter: true,
    cell: ({ row }) => yuan(row.totalFen),
  },
];
const ITEM_COLUMNS: PrimaryTableCol<Item>[] = [
  { colKey: 'item', title: '收费项目' },
  ...byChannel<Item>(),
  { colKey: 'totalFen', title: '合计', width: 120, align: 'right', cell: ({ row }) => yuan(row.totalFen) },
];

/**
 * 收款日报 (docs/console.md §Reports): a range of days' takings by channel and by fee item from the
 * ledger, a bar chart of each day's total, the export of exactly this range (xlsx or CSV, streamed by
 * the BFF), and printing on A4 (the shell and the tools are left off the paper).
 */
export default function Takings({ communityId, route, me }: { communityId: string; route: Route; me: Me }) {
  const url = useUrlTable(route, '/takings');
  const from = url.get('from', `${beijingDay(0).slice(0, 8)}01`);
  const to = url.get('to', beijingDay(0));
  const [report, setReport] = useState<TakingsReport>();
  const [error, setError] = useState<Error>();
  const load = useCallback(() => {
    setError(undefined);
    setReport(undefined);
    api
      .get<TakingsReport>(`/api/staff/communities/${communityId}/reports/takings?from=${from}&to=${to}`)
      .then(setReport, setError);
  }, [communityId, from, to]);
  useEffect(load, [load]);
  const community = me.staff.find((s) => s.community.id === communityId)?.community.name ?? '';
  return (
    <div className="wyt-page wyt-cashier wyt-report">
      <style>{'@media print { @page { size: A4 portrait; margin: 15mm } }'}</style>
      <h1>
        <span className="wyt-report__print-only">{community} </span>收款日报
        <span className="wyt-report__print-only">
          {' '}
          {from} 至 {to}
        </span>
      </h1>
      <div className="wyt-cashier__row wyt-report__tools" role="group" aria-label="日期与导出">
        <label>
          从 <input type="date" value={from} onChange={(e) => url.set({ from: e.target.value })} />
        </label>
        <label>
          到 <input type="date" value={to} onChange={(e) => url.set({ to: e.target.value })} />
        </label>
        <ExportButtons
          path={`/api/staff/communities/${communityId}/reports/takings/export`}
          query={{ from, to }}
          onError={setError}
        />
        <Button variant="outline" onClick={() => window.print()}>
          打印日报（A4）
        </Button>
      </div>
      {report && (
        <>
          <p data-testid="takings-total">
            合计 <strong>{yuan(report.totals.totalFen)}</strong>
            {CHANNELS.map((c) => ` · ${CHANNEL[c]} ${yuan(report.totals.byChannel[c])}`)}
          </p>
          <BarChart
            title="每日收款（元）"
            testId="takings-chart"
            bars={report.days.map((d) => ({
              label: d.day.slice(5),
              value: d.totalFen,
              text: (d.totalFen / 100).toFixed(0),
            }))}
          />
        </>
      )}
      <DataTable<Day>
        label="每日收款"
        rowKey="day"
        countId="takings-count"
        unit="天"
        rows={report?.days ?? []}
        loading={!report && !error}
        error={error}
        retry={load}
        columns={DAY_COLUMNS}
        url={url}
        empty="这段时间没有收款"
      />
      <h2>按收费项目</h2>
      <DataTable<Item>
        label="按收费项目"
        rowKey="item"
        countId="items-count"
        unit="项"
        rows={report?.items ?? []}
        loading={!report && !error}
        columns={ITEM_COLUMNS}
        url={url}
        empty="这段时间没有收款"
      />
      <p className="wyt-report__print-only">
        打印：{me.name ?? '收银员'} · {beijingTime(new Date().toISOString())}
      </p>
    </div>
  );
}
