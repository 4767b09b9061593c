import { Text } from '@tarojs/components';
import { now, shortTime } from '../../beijing';
import { clockWords } from './clock-words';
import type { ComplaintView } from './types';

/**
 * The running clock for the staff in plain words, as the desk shows it: "分派 剩余 40 分（时限 …）",
 * "联系 已超时 1 天 3 小时（时限 …）", red once late (docs/domain.md §8, Clocks).
 */
export function ClockLine({ c }: { c: Pick<ComplaintView, 'deadlines'> }) {
  const d = c.deadlines[0];
  if (!d) return null;
  const w = clockWords(d.dueAt, now());
  return (
    <Text className={`staff-voice-clock${w.overdue ? ' staff-voice-clock--late' : ''}`} data-testid="complaint-clock">
      {`${d.label} ${w.text}（时限 ${shortTime(d.dueAt)}）`}
    </Text>
  );
}
