import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Wire } from '../../../../../bff/src/http/wire';
import type { communityStats } from '../../../../../bff/src/stats/stats';
import { PageShell } from '../../../components/page-shell';
import { Button } from '../../../ui';
import { api } from '../../../session';
import { useRequest } from '../../../hooks/use-request';
import { usePullRefresh } from '../../../hooks/use-pull-refresh';
import { shiftMonth, shownCount, shownValue } from './month';
import './stats.css';

type Stats = Wire<Awaited<ReturnType<typeof communityStats>>>;
type Figure = Stats['figures'][number];

/**
 * 统计 (#31) on the phone: the community's figures of a Beijing month — the same figures and rules as
 * the console's (docs/stats.md) — as large, plain cards, with 上月 / 下月. Without a month the BFF answers
 * the current one by its clock, so the phone's date never decides which month is shown.
 */
export default function StatsPage() {
  const { params } = useRouter();
  const communityId = params.communityId ?? '';
  const [month, setMonth] = useState<string>();
  const stats = useRequest(
    () => api.get<Stats>(`/api/staff/communities/${communityId}/stats${month ? `?month=${month}` : ''}`),
    [communityId, month],
  );
  usePullRefresh(stats.reload);
  if (!communityId) return <PageShell error={new Error('缺少小区参数，请从首页的员工工作台进入')} />;
  const s = stats.data;
  return (
    <PageShell request={stats}>
      {s && (
        <View data-testid="phone-stats">
          <View className="stats-month">
            <Button size="small" onClick={() => setMonth(shiftMonth(s.month, -1))} data-testid="stats-prev">
              上月
            </Button>
            <Text className="stats-month__label" data-testid="stats-month">{`${s.name} · ${s.month}`}</Text>
            <Button size="small" onClick={() => setMonth(shiftMonth(s.month, 1))} data-testid="stats-next">
              下月
            </Button>
          </View>
          {s.figures.map((f) => (
            <FigureCard key={f.key} f={f} stars={f.key === 'rating' ? s.ratingStars : null} />
          ))}
        </View>
      )}
    </PageShell>
  );
}

function FigureCard({ f, stars }: { f: Figure; stars: number[] | null }) {
  const most = Math.max(1, ...(stars ?? []));
  return (
    <View className="stats-card" data-testid={`phone-figure-${f.key}`}>
      <Text className="stats-card__label">{f.label}</Text>
      <Text className="stats-card__value">{shownValue(f)}</Text>
      <Text className="stats-card__count">{shownCount(f)}</Text>
      {f.target !== null && (
        <Text className={`stats-card__target${f.met === false ? ' stats-card__target--missed' : ''}`}>
          {`目标 ≥ ${f.target / 10}%${f.met === null ? '' : f.met ? '，已达标' : '，未达标'}`}
        </Text>
      )}
      {stars &&
        [5, 4, 3, 2, 1].map((n) => (
          <View key={n} className="stats-stars__row">
            <Text>{`${n} 星`}</Text>
            <View className="stats-stars__track">
              <View className="stats-stars__fill" style={{ width: `${(stars[n - 1]! / most) * 100}%` }} />
            </View>
            <Text>{`${stars[n - 1]} 单`}</Text>
          </View>
        ))}
    </View>
  );
}
