import { useCallback, useEffect, useState } from 'react';
import { Input, type PrimaryTableCol } from 'tdesign-react';
import type { CollectionReport } from '../../../bff/src/api-types';
import { api, yuan } from '../api';
import type { Route } from '../route';
import { DataTable, useUrlTable } from '../lib/url-table';
import { BarChart } from '../lib/bar-chart';
import { beijingDay } from '../cashier-kit/labels';
import { ExportButtons } from './ExportButtons';
import '../cashier-kit/cashier.css';
import './reports.css';

type Rate = CollectionReport['buildings'][number];
const percent = (permille: number | null) => (permille === null ? '—' : `${(permille / 10).toFixed(1)}%`);

const COLUMNS: PrimaryTableCol<Rate>[] = [
  { colKey: 'name', title: '楼栋', width: 110, sorter: true },
  {
    colKey: 'billedFen',
    title: '应收',
    width: 130,
    align: 'right',
    sorter: true,
    cell: ({ row }) => yuan(row.billedFen),
  },
  {
    colKey: 'collectedFen',
    title: '实收',
    width: 130,
    align: 'right',
    sorter: true,
    cell: ({ row }) => yuan(row.collectedFen),
  },
  {
    colKey: 'outstandingFen',
    title: '未收',
    width: 130,
    align: 'right',
    sorter: true,
    cell: ({ row }) => yuan(row.outstandingFen),
  },
  {
    colKey: 'ratePermille',
    title: '收缴率',
    width: 100,
    align: 'right',
    sorter: true,
    cell: ({ row }) => percent(row.ratePermille),
  },
  { colKey: 'bills', title: '账单数', width: 90, align: 'right' },
  { colKey: 'settledBills', title: '已缴数', width: 90, align: 'right' },
];

/**
 * 收缴率 (docs/console.md §Reports): a period's collection rate by building (table and chart), the
 * community's six-month trend as a chart, and the export of the same period.
 */
export default function Collection({ communityId, route }: { communityId: string; route: Route }) {
  const url = useUrlTable(route, '/collection');
  const period = url.get('period', beijingDay(0).slice(0, 7));
  const [draft, setDraft] = useState(period);
  const [report, setReport] = useState<CollectionReport>();
  const [error, setError] = useState<Error>();
  const load = useCallback(() => {
    setError(undefined);
    setReport(undefined);
    api
      .get<CollectionReport>(`/api/staff/communities/${communityId}/reports/collection?period=${period}`)
      .then(setReport, setError);
  }, [communityId, period]);
  useEffect(load, [load]);
  useEffect(() => setDraft(period), [period]);
  return (
    <div className="wyt-page wyt-cashier wyt-report">
      <h1>收缴率</h1>
      <form
        className="wyt-cashier__row wyt-report__tools"
        aria-label="账期与导出"
        onSubmit={(e) => {
          e.preventDefault();
          url.set({ period: draft.trim() });
        }}
      >
        <label className="wyt-cashier__inline">
          账期（如 2026-11、2026-Q4、2026）
          <Input value={draft} onChange={(v) => setDraft(String(v))} style={{ width: 160 }} />
        </label>
        <ExportButtons
          path={`/api/staff/communities/${communityId}/reports/collection/export`}
          query={{ period }}
          onError={setError}
        />
      </form>
      {report && (
        <>
          <p data-testid="collection-total">
            全小区收缴率 <strong>{percent(report.total.ratePermille)}</strong>：应收 {yuan(report.total.billedFen)}
            ，实收 {yuan(report.total.collectedFen)}
          </p>
          <div className="wyt-report__charts">
            <BarChart
              title="各楼栋收缴率（%）"
              testId="collection-chart"
              bars={report.buildings.map((b) => ({
                label: b.name,
                value: b.ratePermille ?? 0,
                text: percent(b.ratePermille),
              }))}
            />
            <BarChart
              title="近六个月收缴率（%）"
              testId="trend-chart"
              bars={report.trend.map((t) => ({
                label: t.month.slice(2),
                value: t.ratePermille ?? 0,
                text: percent(t.ratePermille),
              }))}
            />
          </div>
        </>
      )}
      <DataTable<Rate>
        label="各楼栋收缴率"
        rowKey="key"
        countId="collection-count"
        unit="栋"
        rows={report?.buildings ?? []}
        loading={!report && !error}
        error={error}
        retry={load}
        columns={COLUMNS}
        url={url}
        empty="这个账期还没有账单"
      />
    </div>
  );
}
