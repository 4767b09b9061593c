import { Text, View } from '@tarojs/components';
import { Button, CellGroup, Cell, Tag } from '../../ui';
import { bff } from '../../session';
import { useAction } from '../../hooks/use-request';
import { shortTime } from '../../beijing';
import type { RepairDetail } from '../../api/types';
import { humanToast } from '../errors/human-errors';

type Props = { repair: RepairDetail; onDone: () => Promise<void> };
type State = NonNullable<RepairDetail['appointmentProposal']>['state'];

const STATE: Record<State, { label: string; tag: 'warning' | 'success' | 'danger' | 'default' }> = {
  PENDING: { label: '待业主确认', tag: 'warning' },
  AGREED: { label: '已同意', tag: 'success' },
  DECLINED: { label: '已拒绝', tag: 'danger' },
  LAPSED: { label: '未答复', tag: 'default' },
};

/**
 * A later appointment the technician proposed (docs/domain.md §1, appointments): its author agrees to it or
 * declines it here, and nothing moves until they answer; the technician and the office see where it stands.
 */
export function AppointmentProposal({ repair: r, onDone }: Props) {
  const answer = useAction(async (agree: boolean) => {
    await bff.answerAppointment(r.id, agree);
    await onDone();
  });
  const p = r.appointmentProposal;
  if (!p) return null;
  const reporter = r.myRoles.includes('reporter');
  if (reporter && p.state !== 'PENDING') return null;
  const reason = p.reason ? `原因：${p.reason}` : '';
  if (!reporter)
    return (
      <CellGroup title="改约上门时间" data-testid="appointment-proposal-status">
        <Cell
          title={shortTime(p.appointmentAt)}
          description={[reason, p.answeredAt && `业主答复于 ${shortTime(p.answeredAt)}`].filter(Boolean).join('；')}
          extra={<Tag type={STATE[p.state].tag}>{STATE[p.state].label}</Tag>}
        />
      </CellGroup>
    );
  return (
    <View data-testid="appointment-proposal">
      <CellGroup title="维修师傅提议上门时间">
        <Cell
          title={shortTime(p.appointmentAt)}
          description={[reason, '同意后，上门时间改为这个时间；不同意则保持原来的约定'].filter(Boolean).join('。')}
        />
      </CellGroup>
      <View className="actions">
        <Button type="primary" size="large" disabled={answer.running} onClick={() => void answer.run(true)}>
          同意
        </Button>
        <Button size="large" disabled={answer.running} onClick={() => void answer.run(false)}>
          不同意
        </Button>
      </View>
      {answer.error && <Text className="hint error">{humanToast(answer.error)}</Text>}
    </View>
  );
}
