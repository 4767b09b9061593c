import { Text, View } from '@tarojs/components';
import './charts.css';

/**
 * Charts drawn with plain views (no chart library: one alone would outgrow the cashier subpackage,
 * docs/toolchain.md), so they look the same in WeChat and in the browser and print with the page.
 */
const pct = (value: number, max: number) => `${max > 0 ? Math.max(0, Math.min(100, (value / max) * 100)) : 0}%`;

export type Bar = { key: string; label: string; value: number | null; text: string };

/** One horizontal bar per row (a building, a community, a month), as a share of `max`; an optional target line. */
export function BarList({
  rows,
  max,
  target,
  testId,
}: {
  rows: Bar[];
  max: number;
  target?: { value: number; label: string };
  testId?: string;
}) {
  return (
    <View className="chart" data-testid={testId}>
      {target && <Text className="chart__note">竖线：{target.label}</Text>}
      {rows.map((r) => (
        <View key={r.key} className="chart-bar">
          <Text className="chart-bar__label">{r.label}</Text>
          <View className="chart-bar__track">
            <View className="chart-bar__fill" style={{ width: pct(r.value ?? 0, max) }} />
            {target && <View className="chart-bar__target" style={{ left: pct(target.value, max) }} />}
          </View>
          <Text className="chart-bar__value">{r.text}</Text>
        </View>
      ))}
    </View>
  );
}

export type Series = { label: string; color: string };
export type Column = { key: string; label: string; parts: number[] };

/** Columns (days) stacked by series (channels), heights as shares of the tallest column; a legend under them. */
export function StackedColumns({ columns, series, testId }: { columns: Column[]; series: Series[]; testId?: string }) {
  const height = (c: Column) => c.parts.reduce((s, p) => s + Math.max(0, p), 0);
  const max = Math.max(0, ...columns.map(height));
  return (
    <View className="chart" data-testid={testId}>
      <View className="chart-columns">
        {columns.map((c) => (
          <View key={c.key} className="chart-column">
            <View className="chart-column__stack">
              {c.parts.map((p, i) =>
                p > 0 ? <View key={i} style={{ height: pct(p, max), background: series[i]!.color }} /> : null,
              )}
            </View>
            <Text className="chart-column__label">{c.label}</Text>
          </View>
        ))}
      </View>
      <View className="chart-legend">
        {series.map((s) => (
          <View key={s.label} className="chart-legend__item">
            <View className="chart-legend__swatch" style={{ background: s.color }} />
            <Text>{s.label}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
