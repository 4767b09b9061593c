import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '../../ui';
import { bff } from '../../session';
import { useRequest } from '../../hooks/use-request';

/**
 * The working calendar's run-out warning on the staff home (docs/domain.md §1, working days): from a month
 * before the next year is uncovered until an administrator confirms its schedule, with the way there.
 */
export function CalendarWarning({ communityId }: { communityId: string }) {
  const calendar = useRequest(() => bff.workCalendar(communityId), [communityId]);
  const warning = calendar.data?.warning;
  if (!warning) return null;
  return (
    <View data-testid="home-calendar-warning">
      <Text className="hint error">{warning}</Text>
      <Button
        size="small"
        onClick={() => void Taro.navigateTo({ url: `/packages/staff/work-calendar/index?communityId=${communityId}` })}
      >
        录入全年节假日
      </Button>
    </View>
  );
}
