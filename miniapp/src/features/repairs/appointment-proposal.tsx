import { Text, View } from '@tarojs/components';
import { Button, CellGroup, Cell } from '../../ui';
import { bff } from '../../session';
import { useAction } from '../../hooks/use-request';
import { shortTime } from '../../beijing';
import type { RepairDetail } from '../../api/types';

type Props = { repair: RepairDetail; onDone: () => Promise<void> };

/**
 * A later appointment the technician proposed, for the repair's author to agree to or decline in the app
 * (docs/domain.md §1, appointments). Nothing moves until they answer.
 */
export function AppointmentProposal({ repair: r, onDone }: Props) {
  const answer = useAction(async (agree: boolean) => {
    await bff.answerAppointment(r.id, agree);
    await onDone();
  });
  if (!r.proposedAppointmentAt || !r.myRoles.includes('reporter')) return null;
  return (
    <View data-testid="appointment-proposal">
      <CellGroup title="维修师傅提议上门时间">
        <Cell
          title={shortTime(r.proposedAppointmentAt)}
          description="同意后，上门时间改为这个时间；不同意则保持原来的约定"
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
      {answer.error && <Text className="hint error">{answer.error.message}</Text>}
    </View>
  );
}
