import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { Button, Cell, CellGroup, Tag } from '../../../ui';
import { askForPush } from '../../../features/push/ask-for-push';
import { bff } from '../../../session';
import { useRequest } from '../../../hooks/use-request';
import { usePullRefresh } from '../../../hooks/use-pull-refresh';
import { STATUS_LABELS } from '../../../features/repairs/labels';

const late = (min: number) =>
  min < 60 ? `${min} 分钟` : min < 1440 ? `${Math.floor(min / 60)} 小时` : `${Math.floor(min / 1440)} 天`;

/**
 * The overdue board: open repairs past a deadline, the most overdue first, with the working calendar's
 * warning when its holiday data is about to run out.
 */
export default function OverdueBoard() {
  const { params } = useRouter();
  const communityId = params.communityId ?? '';
  const board = useRequest(
    () => bff.overdueRepairs(communityId),
    [communityId],
    (b) => b.items.length === 0,
  );
  const calendar = useRequest(() => bff.workCalendar(communityId), [communityId]);
  usePullRefresh(board.reload);
  useDidShow(() => void (board.data && board.reload()));
  // One-time subscribe messages: each tap here gives one more overdue reminder (docs/wechat.md §4).
  const remind = async () => {
    const { templates } = await bff.pushSubscriptions();
    await askForPush([templates.repairOverdue.id]);
  };
  if (!communityId) return <PageShell error={new Error('缺少小区参数，请从首页的员工工作台进入')} />;
  const subscribe = (
    <View className="actions">
      <Button size="large" onClick={() => void remind()}>
        接收超时提醒
      </Button>
    </View>
  );
  // The board carries the calendar's warning itself (docs/domain.md §1, working days); an administrator
  // enters and confirms the year from here.
  const warningText = board.data?.calendarWarning ?? calendar.data?.warning;
  const warning = warningText && (
    <View data-testid="calendar-warning">
      <Text className="hint error">{warningText}</Text>
      <Button
        size="small"
        onClick={() => void Taro.navigateTo({ url: `/packages/staff/work-calendar/index?communityId=${communityId}` })}
      >
        录入全年节假日
      </Button>
    </View>
  );
  if (board.empty)
    return (
      <PageShell>
        {warning}
        <Text className="hint">没有超时的报修，继续保持</Text>
        {subscribe}
      </PageShell>
    );
  return (
    <PageShell request={board}>
      {warning}
      <CellGroup title={`超时报修（${board.data?.total ?? 0} 单）`} data-testid="overdue-board">
        {(board.data?.items ?? []).map((r) => (
          <Cell
            key={r.id}
            clickable
            onClick={() => void Taro.navigateTo({ url: `/pages/repairs/detail?id=${r.id}` })}
            title={`${r.place} · ${r.summary}`}
            description={`${r.number} · ${STATUS_LABELS[r.status]}${r.assignee ? ` · ${r.assignee}` : ''}${r.escalationStep > 0 ? ` · 已升级 ${r.escalationStep} 级` : ''}`}
            extra={
              <View>
                {r.overdue.map((o) => (
                  <Tag key={o.clock} type="danger">{`${o.label}超时 ${late(o.lateMinutes)}`}</Tag>
                ))}
              </View>
            }
          />
        ))}
      </CellGroup>
      {subscribe}
    </PageShell>
  );
}
