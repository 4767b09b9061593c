import { Text, View } from '@tarojs/components';
import { Cell, CellGroup } from '../../ui';
import { bff } from '../../session';
import { useRequest } from '../../hooks/use-request';
import type { ServiceLevel } from '../../api/types';

const rate = (s: ServiceLevel['accepted']) => (s.rate === null ? '暂无' : `${s.rate}%`);
const hhmm = (min: number) => `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;

/**
 * How the community's property service keeps its promises, for residents: the share of repairs
 * accepted, contacted and arrived on time in the last 30 days, and what the promise is.
 */
export function ServiceLevelCard({ communityId, name }: { communityId: string; name: string }) {
  const level = useRequest(() => bff.serviceLevel(communityId), [communityId]);
  const l = level.data;
  if (!l) return null;
  const p = l.promise;
  return (
    <View data-testid="service-level">
      <CellGroup title={`${name} 近 ${l.days} 天的服务`}>
        <Cell
          title="按时接收报修"
          extra={rate(l.accepted)}
          description={`${l.accepted.onTime + l.accepted.late} 单中 ${l.accepted.onTime} 单按时`}
        />
        <Cell title="按时联系住户" extra={rate(l.contacted)} />
        <Cell title="按时上门" extra={rate(l.arrived)} />
        <Cell title="随手拍无人处理自动办结" extra={`${l.snapshots.autoClosed} 条`} />
      </CellGroup>
      <Text className="hint">
        {`物业承诺：${p.acceptMinutes} 分钟内接收；应急 ${p.emergencyContactMinutes} 分钟内联系、${p.emergencyArriveMinutes} 分钟内到场；日常 ${p.routineContactMinutes} 分钟内联系（工作时间 ${hhmm(p.workStart)}–${hhmm(p.workEnd)}，夜间和节假日顺延到下个工作时段）；${p.feedbackDays} 天内反馈结果。`}
      </Text>
    </View>
  );
}
