import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, CellGroup } from '../../../ui';
import { ChoiceGroup } from '../../../components/choice-group';
import { useAction } from '../../../hooks/use-request';
import { voice } from '../../../features/voice/endpoints';
import { DISSATISFIED } from '../../../features/voice/labels';
import type { ComplaintView, DissatisfiedReason } from '../../../features/voice/types';

/**
 * The resident's answer once it is done: 满意 closes it; 不满意 asks why (a fixed list, docs/domain.md §8)
 * and sends it back to the department to be handled again.
 */
export function ComplaintAnswer({ complaint, onDone }: { complaint: ComplaintView; onDone: () => void }) {
  const [unhappy, setUnhappy] = useState(false);
  const [reason, setReason] = useState<DissatisfiedReason>();
  const answer = useAction(async (satisfied: boolean) => {
    await voice.confirm(complaint.id, satisfied, satisfied ? undefined : reason);
    setUnhappy(false);
    onDone();
  });
  if (complaint.status !== 'DONE') return null;
  return (
    <CellGroup title="您对处理结果满意吗？" data-testid="complaint-answer">
      {!unhappy ? (
        <View className="actions">
          <Button
            type="primary"
            size="large"
            disabled={answer.running}
            onClick={() => void answer.run(true)}
            data-testid="answer-satisfied"
          >
            满意
          </Button>
          <Button size="large" onClick={() => setUnhappy(true)} data-testid="answer-unsatisfied">
            不满意
          </Button>
        </View>
      ) : (
        <View data-testid="answer-reasons">
          <Text className="hint">请选择不满意的原因，物业会重新处理</Text>
          <ChoiceGroup
            testId="answer-reason"
            options={DISSATISFIED.map((r) => ({ value: r, label: r }))}
            value={reason}
            onChange={setReason}
          />
          <View className="actions">
            <Button
              type="primary"
              size="large"
              disabled={!reason || answer.running}
              onClick={() => void answer.run(false)}
              data-testid="answer-send"
            >
              提交，请物业重新处理
            </Button>
            <Button size="large" onClick={() => setUnhappy(false)}>
              返回
            </Button>
          </View>
        </View>
      )}
    </CellGroup>
  );
}
