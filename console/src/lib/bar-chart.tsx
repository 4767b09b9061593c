import './bar-chart.css';

export type Bar = { label: string; value: number; text: string };

/**
 * A bar chart in plain SVG (TDesign has none; a chart library would weigh more than the console's
 * first load): one bar a label, the value's text above it, theme colours through CSS variables. For
 * screen readers it is one image named by its title with every bar's label and text in its description.
 */
export function BarChart({ title, bars, testId }: { title: string; bars: Bar[]; testId?: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const slot = 48;
  const top = 20;
  const plot = 140;
  const width = Math.max(bars.length * slot, 240);
  const id = `chart-${title.replace(/\W/g, '')}-${bars.length}`;
  return (
    <figure className="wyt-chart" data-testid={testId}>
      <figcaption id={`${id}-t`}>{title}</figcaption>
      <svg
        role="img"
        aria-labelledby={`${id}-t`}
        aria-describedby={`${id}-d`}
        viewBox={`0 0 ${width} ${top + plot + 24}`}
        width="100%"
        height={top + plot + 24}
        preserveAspectRatio="xMinYMin meet"
      >
        <desc id={`${id}-d`}>{bars.map((b) => `${b.label}：${b.text}`).join('；')}</desc>
        <line className="wyt-chart__axis" x1={0} x2={width} y1={top + plot} y2={top + plot} />
        {bars.map((b, i) => {
          const h = Math.round((Math.max(0, b.value) / max) * plot);
          const x = i * slot + 8;
          return (
            <g key={b.label} data-testid="chart-bar" data-value={b.value}>
              <rect className="wyt-chart__bar" x={x} y={top + plot - h} width={slot - 16} height={h} />
              {b.value > 0 && (
                <text className="wyt-chart__value" x={x + (slot - 16) / 2} y={top + plot - h - 4} textAnchor="middle">
                  {b.text}
                </text>
              )}
              <text className="wyt-chart__label" x={x + (slot - 16) / 2} y={top + plot + 16} textAnchor="middle">
                {b.label}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
