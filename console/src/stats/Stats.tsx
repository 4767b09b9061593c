import { useState } from 'react';
import { Button, Input } from 'tdesign-react';
import type { CommunityStats, CompanyStats } from '../../../bff/src/api-types';
import { api } from '../api';
import { ErrorState } from '../states';
import { useLoad } from '../lib/use-load';
import { useUrlTable } from '../lib/url-table';
import { BarChart } from '../lib/bar-chart';
import { SvgBars } from '../lib/svg-bars';
import { beijingDay } from '../cashier-kit/labels';
import { ExportButtons } from '../cashier-reports/ExportButtons';
import type { ScreenProps } from '../shell/screens';
import './stats.css';

type Figure = CommunityStats['figures'][number];
const MONTH = /^20\d\d-(0[1-9]|1[0-2])$/;

export const shown = (f: Pick<Figure, 'unit' | 'value'>) =>
  f.value === null
    ? '—'
    : f.unit === 'permille'
      ? `${(f.value / 10).toFixed(1)}%`
      : f.unit === 'hundredths'
        ? `${(f.value / 100).toFixed(2)} 星`
        : `${f.value} 件`;

/** The rows behind a figure, where a console screen lists them (docs/stats.md). */
function rowsLink(key: Figure['key'], month: string): { href: string; text: string } | null {
  if (key.startsWith('repair')) return { href: '#/repairs', text: '查看报修' };
  if (key === 'rating') return { href: '#/repairs?status=CLOSED', text: '查看已评价报修' };
  if (key === 'collection') return { href: `#/collection?period=${month}`, text: '查看收缴率' };
  if (key === 'snapshotAutoClosed') return { href: '#/snapshots?status=AUTO_CLOSED', text: '查看随手拍' };
  // Filed (complaints) or opened (return visits) in the month, as the figures count them.
  if (key === 'complaintRehandle')
    return { href: `#/complaints?month=${month}&rehandled=1`, text: '查看重新处理的投诉' };
  if (key.startsWith('complaint')) return { href: `#/complaints?month=${month}`, text: '查看本月投诉' };
  if (key === 'returnVisit') return { href: `#/return-visits?month=${month}`, text: '查看本月回访' };
  return null;
}

function FigureCard({ f, month }: { f: Figure; month: string }) {
  const link = rowsLink(f.key, month);
  const count = f.unit === 'count' ? `${f.numerator} / 共 ${f.denominator} 件` : `${f.numerator} / ${f.denominator}`;
  return (
    <li className="wyt-stats__card" data-testid={`figure-${f.key}`}>
      <h2>{f.label}</h2>
      <p className="wyt-stats__value">{shown(f)}</p>
      <p className="wyt-stats__count">
        {f.unit === 'hundredths' ? `星数合计 ${f.numerator} / 评价 ${f.denominator} 单` : count}
      </p>
      {f.target !== null && (
        <p className={f.met === false ? 'wyt-stats__missed' : 'wyt-stats__met'}>
          目标 ≥ {f.target / 10}% {f.met === null ? '' : f.met ? '· 达标' : '· 未达标'}
        </p>
      )}
      {link && <a href={link.href}>{link.text}</a>}
    </li>
  );
}

/** The company's communities compared on the month's rates, as bars (company admins only). */
function CompanyBars({ month }: { month: string }) {
  const data = useLoad(() => api.get<CompanyStats>(`/api/company/stats?month=${month}`), month);
  if (data.error || !data.data) return null;
  const keys = ['repairAccept', 'returnVisit', 'complaintContact', 'collection'] as const;
  return (
    <section className="wyt-stats__company" data-testid="stats-company">
      <h2>各小区对比（{month}）</h2>
      <div className="wyt-stats__charts">
        {keys.map((key) => {
          const title = data.data!.communities[0]?.figures.find((f) => f.key === key)?.label ?? key;
          return (
            <figure key={key}>
              <figcaption>{title}</figcaption>
              <SvgBars
                title={title}
                max={100}
                target={key === 'returnVisit' ? { value: 95, label: '目标 95%' } : undefined}
                bars={data.data!.communities.map((c) => {
                  const f = c.figures.find((x) => x.key === key)!;
                  return { key: c.id, label: c.name, value: f.value === null ? null : f.value / 10, text: shown(f) };
                })}
              />
            </figure>
          );
        })}
      </div>
    </section>
  );
}

/**
 * 统计 (docs/stats.md): a community's figures of a Beijing month — each a card with what it counts
 * (numerator / denominator) and a link to the rows where a screen lists them — the rating distribution
 * as a chart, the export, and for a company admin the company's communities compared.
 */
export default function Stats({ communityId, route, me }: ScreenProps) {
  const url = useUrlTable(route);
  const month = MONTH.test(url.get('month')) ? url.get('month') : beijingDay(0).slice(0, 7);
  const [draft, setDraft] = useState(month);
  const [exportError, setExportError] = useState<Error | null>(null);
  const base = `/api/staff/communities/${communityId}/stats`;
  const data = useLoad(() => api.get<CommunityStats>(`${base}?month=${month}`), `${communityId}:${month}`);
  const admin = me.staff.some((s) => s.community.id === communityId && s.roles.includes('COMPANY_ADMIN'));
  const valid = MONTH.test(draft);
  return (
    <div className="wyt-page wyt-stats">
      <h1>统计</h1>
      <div className="wyt-stats__bar" role="group" aria-label="月份">
        <label className="wyt-stats__month">
          <span>月份</span>
          <Input
            value={draft}
            onChange={(v) => setDraft(String(v))}
            status={valid ? 'default' : 'error'}
            tips={valid ? undefined : '月份格式应为 2026-11'}
          />
        </label>
        <Button disabled={!valid} onClick={() => url.set({ month: draft })}>
          查看
        </Button>
        <ExportButtons path={`${base}/export`} query={{ month }} onError={setExportError} />
      </div>
      {exportError && <ErrorState error={exportError} retry={() => setExportError(null)} />}
      {data.error ? (
        <ErrorState error={data.error} retry={() => void data.reload()} />
      ) : data.data ? (
        <>
          <p className="wyt-stats__note">
            {data.data.name} · {data.data.month}：每项按当月（北京时间）提交、发起或计费的事项统计，截至现在的状态。
          </p>
          <ul className="wyt-stats__cards" aria-label="指标">
            {data.data.figures.map((f) => (
              <FigureCard key={f.key} f={f} month={data.data!.month} />
            ))}
          </ul>
          <BarChart
            title="评分分布（两项评分取低者）"
            testId="rating-chart"
            bars={data.data.ratingStars.map((n, i) => ({ label: `${i + 1} 星`, value: n, text: `${n} 单` }))}
          />
          {admin && <CompanyBars month={data.data.month} />}
        </>
      ) : null}
    </div>
  );
}
