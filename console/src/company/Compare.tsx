import { Input, type PrimaryTableCol } from 'tdesign-react';
import type { CommunityComparison } from '../../../bff/src/api-types';
import { api, yuan } from '../api';
import { go, type Route } from '../route';
import { ErrorState } from '../states';
import { useLoad } from '../lib/use-load';
import { LocalTable } from '../lib/url-table';
import { SvgBars } from '../lib/svg-bars';
import './company.css';

type Row = CommunityComparison['communities'][number];
const PERIOD = /^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$/;
const rate = (permille: number | null) => (permille === null ? '—' : `${(permille / 10).toFixed(1)}%`);

const COLUMNS: PrimaryTableCol<Row>[] = [
  { colKey: 'name', title: '小区', sorter: true },
  {
    colKey: 'collectionPermille',
    title: '收缴率',
    width: 100,
    align: 'right',
    sorter: true,
    cell: ({ row }) => rate(row.collectionPermille),
  },
  {
    colKey: 'collectedFen',
    title: '已收',
    width: 130,
    align: 'right',
    sorter: true,
    cell: ({ row }) => yuan(row.collectedFen),
  },
  {
    colKey: 'billedFen',
    title: '应收',
    width: 130,
    align: 'right',
    sorter: true,
    cell: ({ row }) => yuan(row.billedFen),
  },
  {
    colKey: 'slaPermille',
    title: '维修按时率',
    width: 120,
    align: 'right',
    sorter: true,
    cell: ({ row }) => rate(row.slaPermille),
  },
  { colKey: 'repairsFiled', title: '报修数', width: 90, align: 'right', sorter: true },
  { colKey: 'openRepairs', title: '未完成报修', width: 120, align: 'right', sorter: true },
];

/**
 * 小区对比 for a company admin (docs/console.md §Company admin): every community of the company with
 * its collection rate of the period (URL `period`, this month by default), repair SLA attainment of
 * the last 30 days and repairs open now — a sortable table and the same figures as SVG bars.
 */
export default function Compare({ route }: { route: Route }) {
  const period = route.params.get('period') ?? '';
  const valid = !period || PERIOD.test(period);
  const data = useLoad(
    () =>
      api.get<CommunityComparison>(
        `/api/company/communities/compare${valid && period ? `?period=${encodeURIComponent(period)}` : ''}`,
      ),
    valid ? period : '',
  );
  const rows = data.data?.communities ?? [];
  const bars = (pick: (r: Row) => number | null) =>
    rows.map((r) => ({
      key: r.id,
      label: r.name,
      value: pick(r) === null ? null : pick(r)! / 10,
      text: rate(pick(r)),
    }));
  return (
    <div className="wyt-page wyt-company">
      <h1>小区对比</h1>
      <div className="wyt-company__bar" role="group" aria-label="筛选">
        <label className="wyt-company__period">
          <span>账期</span>
          <Input
            value={period}
            placeholder={data.data?.period ?? '2026-11、2026-Q4 或 2026'}
            onChange={(v) =>
              go(route.path, { ...Object.fromEntries(route.params), period: String(v), page: undefined })
            }
            status={valid ? 'default' : 'error'}
            tips={valid ? undefined : '账期格式应为 2026-12（月）、2026-Q4（季）或 2026（年）'}
          />
        </label>
        <span className="wyt-company__count" data-testid="row-count" aria-live="polite">
          {data.data ? `${data.data.period} · 共 ${rows.length} 个小区 · 维修按时率为近 ${data.data.slaDays} 天` : ''}
        </span>
      </div>
      {data.error ? (
        <ErrorState error={data.error} retry={() => void data.reload()} />
      ) : (
        <>
          <LocalTable<Row>
            route={route}
            rowKey="id"
            rows={rows}
            columns={COLUMNS}
            label="小区对比"
            empty="公司还没有小区"
            loading={data.loading}
          />
          {rows.length > 0 && (
            <div className="wyt-company__charts" data-testid="compare-charts">
              {[
                { title: '收缴率', max: 100, bars: bars((r) => r.collectionPermille) },
                { title: '维修按时率', max: 100, bars: bars((r) => r.slaPermille) },
                {
                  title: '未完成报修',
                  max: Math.max(1, ...rows.map((r) => r.openRepairs)),
                  bars: rows.map((r) => ({
                    key: r.id,
                    label: r.name,
                    value: r.openRepairs,
                    text: `${r.openRepairs} 单`,
                  })),
                },
              ].map((c) => (
                <figure key={c.title}>
                  <figcaption>{c.title}</figcaption>
                  <SvgBars title={c.title} max={c.max} bars={c.bars} />
                </figure>
              ))}
            </div>
          )}
        </>
      )}
    </div>
  );
}
