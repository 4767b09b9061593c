import { Tag } from 'tdesign-react';
import type { ComplaintDetail } from '../../../bff/src/api-types';
import { beijingTime } from '../api';
// One copy of the words, shared with the staff phone's complaint pages (docs/design.md §投诉处理 on the phone).
import { clockWords } from '../../../miniapp/src/features/voice/clock-words';

/** A running clock in plain words (分派 剩余 40 分 / 联系 已超时 2 小时), its deadline in the title. */
export function ClockTag({ deadline }: { deadline: ComplaintDetail['deadlines'][number] }) {
  const words = clockWords(deadline.dueAt, new Date());
  return (
    <Tag
      theme={words.overdue ? 'danger' : 'default'}
      variant="light"
      title={`${deadline.label}时限：${beijingTime(deadline.dueAt)}`}
      data-testid="clock"
    >
      {deadline.label} {words.text}
    </Tag>
  );
}
