import { Table, Tag, type PrimaryTableCol } from 'tdesign-react';
import type { CommitteeElection } from '../../../bff/src/api-types';
import { EmptyState } from '../states';
import { SvgBars } from '../lib/svg-bars';
import { MATTER_CHOICES } from './labels';

type Row = { id: string; name: string; area: string; heads: number; passes: boolean; elected: boolean };

const COLUMNS: PrimaryTableCol<Row>[] = [
  { colKey: 'name', title: '候选人 / 事项' },
  { colKey: 'area', title: '赞成面积（㎡）', align: 'right', width: 150 },
  { colKey: 'heads', title: '赞成人数', align: 'right', width: 110 },
  { colKey: 'passes', title: '双过半', width: 100, cell: ({ row }) => (row.passes ? '达到' : '未达到') },
  {
    colKey: 'elected',
    title: '结果',
    width: 100,
    cell: ({ row }) => <Tag theme={row.elected ? 'success' : 'default'}>{row.elected ? '当选/通过' : '—'}</Tag>,
  },
];

/**
 * The count (bff/src/elections/tally.ts, art. 278): per candidate or for the matter, the area and
 * heads in favour against those taking part; a bar per candidate with the line it had to pass
 * (half, or three quarters for a special matter). No voter's name, ever.
 */
export function Results({ election: e }: { election: CommitteeElection }) {
  const r = e.result;
  if (!r) return <EmptyState text="计票后显示结果" />;
  const names = Object.fromEntries(
    [...e.candidates, ...MATTER_CHOICES.map((c) => ({ ...c, name: c.label }))].map((c) => [c.id, c.name]),
  );
  const rows: Row[] = Object.entries(r.candidates).map(([id, c]) => ({
    id,
    name: names[id] ?? id,
    ...c,
    elected: r.elected.includes(id),
  }));
  const line = e.class === 'SPECIAL' ? 75 : 50;
  const pct = (area: string) =>
    Number(r.participatingArea) > 0 ? (Number(area) / Number(r.participatingArea)) * 100 : 0;
  return (
    <div data-testid="election-results">
      <p>
        参与：{r.participatingArea}㎡ / {r.totalArea}㎡，{r.participatingHeads} / {r.totalHeads} 人 ·{' '}
        <strong>{r.quorum ? '达到法定参与比例 2/3' : '未达到法定参与比例 2/3'}</strong>
        {r.runoff.length > 0 && ` · 票数相同需重新投票：${r.runoff.map((id) => names[id]).join('、')}`}
        {r.vacant > 0 && ` · 空缺 ${r.vacant} 席`}
      </p>
      <SvgBars
        title="赞成面积占参与面积"
        max={100}
        target={{ value: line, label: line === 75 ? '四分之三' : '过半数' }}
        bars={rows.map((row) => ({
          key: row.id,
          label: row.name,
          value: pct(row.area),
          text: `${pct(row.area).toFixed(1)}%`,
        }))}
      />
      <Table<Row> rowKey="id" data={rows} columns={COLUMNS} size="small" />
    </div>
  );
}
