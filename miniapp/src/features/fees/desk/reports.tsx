import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Cell, CellGroup } from '../../../ui';
import { ChoiceGroup } from '../../../components/choice-group';
import { PageShell } from '../../../components/page-shell';
import { bff } from '../../../session';
import { useRequest } from '../../../hooks/use-request';
import type { CollectionReport, TakingsReport } from '../../../api/types';
import { addDays, addMonths, lastDayOf, thisMonth, today } from '../../../beijing';
import { yuan } from '../money';
import { BarList, StackedColumns } from '../../../components/charts';
import { ExportButtons } from './download';

const CHANNELS = [
  { key: 'WECHAT', label: '微信支付', color: '#07c160' },
  { key: 'CASH', label: '现金', color: '#ff9f1a' },
  { key: 'TRANSFER', label: '转账', color: '#3c7cf6' },
  { key: 'POS', label: '刷卡', color: '#9b59d0' },
] as const;

const day = (offsetDays = 0) => addDays(today(), offsetDays);
const month = (offsetMonths = 0) => addMonths(thisMonth(), offsetMonths);

function ranges() {
  const now = month();
  const prev = month(-1);
  return [
    { value: 'month', label: `本月（${Number(now.slice(5))}月）`, from: `${now}-01`, to: day() },
    { value: 'prev', label: `上月（${Number(prev.slice(5))}月）`, from: `${prev}-01`, to: lastDayOf(prev) },
    { value: 'week', label: '近7天', from: day(-6), to: day() },
  ];
}

function periods() {
  const now = month();
  const quarter = Math.floor((Number(now.slice(5)) - 1) / 3) + 1;
  return [
    { value: now, label: `本月（${Number(now.slice(5))}月）` },
    { value: month(-1), label: `上月（${Number(month(-1).slice(5))}月）` },
    { value: `${now.slice(0, 4)}-Q${quarter}`, label: `本季度（第${quarter}季度）` },
    { value: now.slice(0, 4), label: `本年度（${now.slice(0, 4)}）` },
  ];
}

/** A column's label: every day of a week; of a month, the 1st, every 5th and the last (more would not fit). */
const dayLabel = (day: string, i: number, count: number) => {
  const d = Number(day.slice(8));
  return count <= 10 || i === 0 || i === count - 1 || d % 5 === 0 ? String(d) : '';
};

const rate = (p: number | null) => (p === null ? '—' : `${(p / 10).toFixed(1)}%`);

/** 收款日报: takings per day by channel (stacked columns), the channel totals and the split by fee item. */
function Takings({ communityId }: { communityId: string }) {
  const options = ranges();
  const [choice, setChoice] = useState('month');
  const range = options.find((o) => o.value === choice)!;
  const report = useRequest(() => bff.takings(communityId, range.from, range.to), [communityId, range.from, range.to]);
  const r: TakingsReport | undefined = report.data;
  return (
    <View data-testid="report-takings">
      <ChoiceGroup
        testId="takings-range"
        options={options.map((o) => ({ value: o.value, label: o.label }))}
        value={choice}
        onChange={(v) => v && setChoice(v)}
      />
      <PageShell request={report}>
        {r && (
          <>
            <CellGroup title={`${r.from} 至 ${r.to} 实收`} data-testid="takings-totals">
              {CHANNELS.map((c) => (
                <Cell key={c.key} title={c.label} extra={`¥${yuan(r.totals.byChannel[c.key])}`} />
              ))}
              <Cell title="合计" extra={<Text className="money-strong">¥{yuan(r.totals.totalFen)}</Text>} />
            </CellGroup>
            <Text className="section-title">每日收款</Text>
            <StackedColumns
              testId="takings-chart"
              series={CHANNELS.map((c) => ({ label: c.label, color: c.color }))}
              columns={r.days.map((d, i) => ({
                key: d.day,
                label: dayLabel(d.day, i, r.days.length),
                parts: CHANNELS.map((c) => d.byChannel[c.key]),
              }))}
            />
            <CellGroup title="按收费项目">
              {r.items.length === 0 && <Cell title="这段时间没有收款" />}
              {r.items.map((i) => (
                <Cell
                  key={i.item}
                  title={i.item}
                  description={CHANNELS.filter((c) => i.byChannel[c.key] !== 0)
                    .map((c) => `${c.label} ¥${yuan(i.byChannel[c.key])}`)
                    .join(' · ')}
                  extra={`¥${yuan(i.totalFen)}`}
                />
              ))}
            </CellGroup>
            <ExportButtons
              path={`/api/staff/communities/${communityId}/reports/takings/export?from=${r.from}&to=${r.to}`}
              name={`收款日报-${r.from}至${r.to}`}
            />
          </>
        )}
      </PageShell>
    </View>
  );
}

/** 收缴率: per building against the whole community (a line at the community's rate), the six-month trend, and communities compared for company offices. */
function Collection({ communityId }: { communityId: string }) {
  const options = periods();
  const [period, setPeriod] = useState(options[1]!.value);
  const report = useRequest(() => bff.collection(communityId, period), [communityId, period]);
  const companies = useRequest(() => bff.communitiesCollection(period), [period]);
  const r: CollectionReport | undefined = report.data;
  const others = companies.data?.communities ?? [];
  return (
    <View data-testid="report-collection">
      <ChoiceGroup testId="collection-period" options={options} value={period} onChange={(v) => v && setPeriod(v)} />
      <PageShell request={report}>
        {r && (
          <>
            <CellGroup title={`${r.period} 收缴情况`} data-testid="collection-total">
              <Cell title="收缴率" extra={<Text className="money-strong">{rate(r.total.ratePermille)}</Text>} />
              <Cell title="应收" extra={`¥${yuan(r.total.billedFen)}（${r.total.bills} 笔）`} />
              <Cell title="实收" extra={`¥${yuan(r.total.collectedFen)}（${r.total.settledBills} 笔已缴）`} />
              <Cell title="未收" extra={`¥${yuan(r.total.outstandingFen)}`} />
            </CellGroup>
            <Text className="section-title">各楼栋收缴率</Text>
            <BarList
              testId="collection-buildings"
              max={1000}
              target={
                r.total.ratePermille === null
                  ? undefined
                  : { value: r.total.ratePermille, label: `全小区 ${rate(r.total.ratePermille)}` }
              }
              rows={r.buildings.map((b) => ({
                key: b.key,
                label: b.name,
                value: b.ratePermille,
                text: rate(b.ratePermille),
              }))}
            />
            <Text className="section-title">近六个月</Text>
            <BarList
              testId="collection-trend"
              max={1000}
              rows={r.trend.map((t) => ({
                key: t.month,
                label: `${Number(t.month.slice(5))}月`,
                value: t.ratePermille,
                text: rate(t.ratePermille),
              }))}
            />
            {others.length > 1 && (
              <>
                <Text className="section-title">各小区对比</Text>
                <BarList
                  testId="collection-communities"
                  max={1000}
                  rows={others.map((c) => ({
                    key: c.key,
                    label: c.name,
                    value: c.ratePermille,
                    text: rate(c.ratePermille),
                  }))}
                />
              </>
            )}
            <Text className="hint">
              收缴率 = 实收 ÷ 应收（按账单所属月份；已减免的账单不计入应收，滞纳金不计入实收）
            </Text>
            <ExportButtons
              path={`/api/staff/communities/${communityId}/reports/collection/export?period=${r.period}`}
              name={`收缴率-${r.period}`}
            />
          </>
        )}
      </PageShell>
    </View>
  );
}

/** 报表: takings and collection rate, each with charts and exports. */
export function Reports({ communityId }: { communityId: string }) {
  const [tab, setTab] = useState<'takings' | 'collection'>('takings');
  return (
    <View data-testid="reports">
      <ChoiceGroup
        testId="report-tabs"
        options={[
          { value: 'takings' as const, label: '收款日报' },
          { value: 'collection' as const, label: '收缴率' },
        ]}
        value={tab}
        onChange={(v) => v && setTab(v)}
      />
      {tab === 'takings' ? <Takings communityId={communityId} /> : <Collection communityId={communityId} />}
    </View>
  );
}
