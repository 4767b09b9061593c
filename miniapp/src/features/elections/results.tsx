import { Text, View } from '@tarojs/components';
import { Cell, CellGroup, Tag } from '../../ui';
import { BarList } from '../../components/charts';
import type { ElectionSummary } from '../../api/types';

export { MATTER_LABELS, STATE_LABELS } from './labels';

/** Display only: the decisions (quorum, passes) come from the server's exact count. */
const share = (part: string | number, whole: string | number) =>
  Number(whole) > 0 ? (Number(part) / Number(whole)) * 1000 : 0;
const pct = (permille: number) => `${(permille / 10).toFixed(1)}%`;

type Result = NonNullable<ElectionSummary['result']>;

/** 参与情况: the area and owners taking part against the two-thirds lines. */
export function Turnout({
  t,
  testId,
}: {
  t: { totalArea: string; totalHeads: number; participatingArea: string; participatingHeads: number; quorum: boolean };
  testId?: string;
}) {
  const area = share(t.participatingArea, t.totalArea);
  const heads = share(t.participatingHeads, t.totalHeads);
  return (
    <View data-testid={testId}>
      <BarList
        max={1000}
        target={{ value: 666.7, label: '法定参与比例 2/3（面积和人数都要达到）' }}
        rows={[
          { key: 'area', label: '参与面积', value: area, text: pct(area) },
          { key: 'heads', label: '参与人数', value: heads, text: pct(heads) },
        ]}
      />
      <Text className="hint">
        已参与 {t.participatingArea}㎡ / {t.totalArea}㎡，{t.participatingHeads} 人 / {t.totalHeads} 人 ·{' '}
        {t.quorum ? '已达到法定参与比例' : '尚未达到法定参与比例'}
      </Text>
    </View>
  );
}

/**
 * The published result: for each candidate (or the matter), the area and owners in favour against the
 * line (more than half, or three quarters, of those taking part). No names of voters, ever.
 */
export function Results({
  result,
  names,
  order,
  cls,
  seats,
}: {
  result: Result;
  names: Record<string, string>;
  order: string[];
  cls: 'ORDINARY' | 'SPECIAL';
  seats: number;
}) {
  const line = cls === 'SPECIAL' ? 750 : 500;
  // In the order the candidates were posted (the stored result's keys carry no order).
  const ids = order.filter((id) => result.candidates[id]);
  return (
    <View data-testid="election-results">
      <CellGroup title="投票结果">
        <Cell
          title="参与比例"
          extra={<Tag type={result.quorum ? 'success' : 'danger'}>{result.quorum ? '达到 2/3' : '未达到 2/3'}</Tag>}
        />
        <Cell title="参与面积" extra={`${result.participatingArea}㎡ / ${result.totalArea}㎡`} />
        <Cell title="参与人数" extra={`${result.participatingHeads} / ${result.totalHeads} 人`} />
        {ids.length > 1 || seats > 1 ? (
          <>
            <Cell title="当选" extra={result.elected.map((id) => names[id] ?? id).join('、') || '无'} />
            {result.runoff.length > 0 && (
              <Cell title="票数相同需重新投票" extra={result.runoff.map((id) => names[id] ?? id).join('、')} />
            )}
            {result.vacant > 0 && <Cell title="空缺席位" extra={`${result.vacant} 席（另行选举）`} />}
          </>
        ) : (
          <Cell
            title="表决结果"
            extra={
              <Tag type={result.elected.length ? 'success' : 'danger'}>{result.elected.length ? '通过' : '未通过'}</Tag>
            }
          />
        )}
      </CellGroup>
      {result.adjusted && (
        <CellGroup title="按议事规则调整后的结果（另行报告）" data-testid="adjusted-results">
          <Cell title="计入的已送达未投票业主" extra={`${result.adjusted.silentOwners} 人`} />
          <Cell
            title="参与比例"
            extra={
              <Tag type={result.adjusted.quorum ? 'success' : 'danger'}>
                {result.adjusted.quorum ? '达到 2/3' : '未达到 2/3'}
              </Tag>
            }
          />
          <Cell
            title="参与面积 / 人数"
            extra={`${result.adjusted.participatingArea}㎡ / ${result.adjusted.participatingHeads} 人`}
          />
          <Cell
            title={ids.length > 1 || seats > 1 ? '当选' : '表决结果'}
            extra={
              ids.length > 1 || seats > 1
                ? result.adjusted.elected.map((id) => names[id] ?? id).join('、') || '无'
                : result.adjusted.elected.length
                  ? '通过'
                  : '未通过'
            }
          />
        </CellGroup>
      )}
      {ids.map((id) => {
        const c = result.candidates[id]!;
        const area = share(c.area, result.participatingArea);
        const heads = share(c.heads, result.participatingHeads);
        return (
          <View key={id} data-testid="result-row">
            <View className="result-title">
              <Text>{names[id] ?? id}</Text>
              {c.passes ? <Tag type="success">通过</Tag> : <Tag>未通过</Tag>}
            </View>
            <BarList
              max={1000}
              target={{ value: line, label: cls === 'SPECIAL' ? '需达到参与的 3/4' : '需超过参与的一半' }}
              rows={[
                { key: 'area', label: '赞成面积', value: area, text: `${c.area}㎡` },
                { key: 'heads', label: '赞成人数', value: heads, text: `${c.heads} 人` },
              ]}
            />
          </View>
        );
      })}
    </View>
  );
}
