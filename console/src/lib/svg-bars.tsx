/**
 * Horizontal bars drawn as plain SVG (no chart library): each row a label, a bar against `max` and the
 * value's text; an optional target line. Read by screen readers from its title and its table twin
 * (`role="img"` + `aria-label`, WCAG 1.1.1): the figures are also written beside every bar.
 */
export type Bar = { key: string; label: string; value: number | null; text: string };

type Props = {
  title: string;
  bars: Bar[];
  max: number;
  target?: { value: number; label: string };
  testId?: string;
};

const ROW = 34;
const LABEL = 150;
const WIDTH = 640;
const TEXT = 90;

export function SvgBars({ title, bars, max, target, testId }: Props) {
  const plot = WIDTH - LABEL - TEXT;
  const x = (v: number) => LABEL + Math.max(0, Math.min(1, v / (max || 1))) * plot;
  const height = bars.length * ROW + (target ? 24 : 8);
  const summary = `${title}：${bars.map((b) => `${b.label} ${b.text}`).join('，')}${target ? `；${target.label}` : ''}`;
  return (
    <svg
      className="wyt-bars"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      role="img"
      aria-label={summary}
      data-testid={testId}
    >
      <title>{summary}</title>
      {bars.map((b, i) => (
        <g key={b.key} transform={`translate(0 ${i * ROW + 4})`}>
          <text x={LABEL - 8} y={18} textAnchor="end" className="wyt-bars__label">
            {b.label}
          </text>
          <rect x={LABEL} y={4} width={plot} height={20} className="wyt-bars__track" />
          {b.value !== null && (
            <rect x={LABEL} y={4} width={x(b.value) - LABEL} height={20} className="wyt-bars__bar" />
          )}
          <text x={LABEL + plot + 8} y={18} className="wyt-bars__text">
            {b.text}
          </text>
        </g>
      ))}
      {target && (
        <g>
          <line
            x1={x(target.value)}
            x2={x(target.value)}
            y1={0}
            y2={bars.length * ROW + 6}
            className="wyt-bars__target"
          />
          <text x={x(target.value)} y={bars.length * ROW + 20} textAnchor="middle" className="wyt-bars__label">
            {target.label}
          </text>
        </g>
      )}
    </svg>
  );
}
