import type { CommitteeElection } from '../../../bff/src/api-types';
import { EmptyState } from '../states';
import { SvgBars } from '../lib/svg-bars';

/** Display only: the quorum itself is the BFF's exact count (docs/domain.md §5, art. 278). */
const share = (part: string | number, whole: string | number) =>
  Number(whole) > 0 ? (Number(part) / Number(whole)) * 100 : 0;

/** 参与情况: area and heads taking part against the two-thirds lines of art. 278, read live while open. */
export function Turnout({ election: e }: { election: CommitteeElection }) {
  const t = e.turnout ?? (e.result && { ...e.result, ballots: null });
  if (!t) return <EmptyState text="投票开始后显示参与情况" />;
  const area = share(t.participatingArea, t.totalArea);
  const heads = share(t.participatingHeads, t.totalHeads);
  return (
    <div data-testid="turnout">
      <SvgBars
        title="参与情况"
        max={100}
        target={{ value: 200 / 3, label: '法定 2/3' }}
        bars={[
          { key: 'area', label: '参与面积', value: area, text: `${area.toFixed(1)}%` },
          { key: 'heads', label: '参与人数', value: heads, text: `${heads.toFixed(1)}%` },
        ]}
      />
      <p data-testid="turnout-text">
        已参与 {t.participatingArea}㎡ / {t.totalArea}㎡，{t.participatingHeads} 人 / {t.totalHeads} 人
        {t.ballots !== null && `，共 ${t.ballots} 张选票`} ·{' '}
        <strong>{t.quorum ? '已达到法定参与比例' : '尚未达到法定参与比例'}</strong>
      </p>
    </div>
  );
}
