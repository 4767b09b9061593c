import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { ChoiceGroup } from '../../../components/choice-group';
import { thisMonth } from '../../../beijing';
import { useRequest } from '../../../hooks/use-request';
import { usePullRefresh } from '../../../hooks/use-pull-refresh';
import { staffVoice, type VisitRate } from '../../../features/voice/staff-endpoints';
import { VisitCard } from './visit-card';
import '../voice.css';

/** 回访率 of the month, in tenths of a percent against the 95.0 % target (docs/domain.md §8). */
function RateCard({ rate }: { rate: VisitRate }) {
  const value = rate.ratePermille === null ? '—' : `${(rate.ratePermille / 10).toFixed(1)}%`;
  return (
    <View className="staff-voice-rate" data-testid="visit-rate">
      <Text className="staff-voice-line">{`${rate.month} 回访率`}</Text>
      <Text className="staff-voice-rate__value">{value}</Text>
      <Text className="staff-voice-line">{`已回访 ${rate.done} / 应回访 ${rate.due}（电话 ${rate.byPhone}，住户评价 ${rate.byRating}）`}</Text>
      <Text className={`staff-voice-line${rate.met === false ? ' staff-voice-clock--late' : ''}`}>
        {`目标 ≥ ${rate.target / 10}%${rate.met === null ? '' : rate.met ? '，已达标' : '，未达标'}`}
      </Text>
    </View>
  );
}

/**
 * 回访 (#31) on the phone: the month's rate, the visits to phone oldest first (the order to call them),
 * one tap to call the resident and the result recorded; 已回访 newest first. The BFF answers one page of
 * 100 (a capped queue, as on the desk); a community rarely has more waiting at once.
 */
export default function ReturnVisits() {
  const { params } = useRouter();
  const communityId = params.communityId ?? '';
  const [status, setStatus] = useState<'OPEN' | 'DONE'>('OPEN');
  const month = thisMonth();
  const rate = useRequest(() => staffVoice.visitRate(communityId, month), [communityId, month]);
  const visits = useRequest(
    () => staffVoice.returnVisits(communityId, status),
    [communityId, status],
    (v) => v.items.length === 0,
  );
  const reload = async () => void (await Promise.all([rate.reload(), visits.reload()]));
  usePullRefresh(reload);
  if (!communityId) return <PageShell error={new Error('缺少小区参数，请从首页的员工工作台进入')} />;
  const head = (
    <View>
      {rate.data && <RateCard rate={rate.data} />}
      <ChoiceGroup
        options={[
          { value: 'OPEN', label: '待回访' },
          { value: 'DONE', label: '已回访' },
        ]}
        value={status}
        onChange={(v) => v && setStatus(v)}
        testId="visit-tabs"
      />
    </View>
  );
  if (visits.empty)
    return (
      <PageShell>
        {head}
        <Text className="hint" data-testid="visits-empty">
          {status === 'OPEN' ? '没有等待回访的维修' : '还没有回访记录'}
        </Text>
      </PageShell>
    );
  return (
    <PageShell request={visits}>
      {head}
      <View data-testid="visit-list">
        {(visits.data?.items ?? []).map((v) => (
          <VisitCard key={v.id} visit={v} onDone={reload} />
        ))}
      </View>
    </PageShell>
  );
}
