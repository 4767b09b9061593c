import type { CommitteeElection, ElectionSummary } from '../../../bff/src/api-types';
import { ELECTION_EVENT_LABELS, MATTER_LABELS, STATE_LABELS } from '../../../miniapp/src/features/elections/labels';

export type State = ElectionSummary['state'];
export type StepName = 'publish' | 'open' | 'close' | 'tally' | 'publish-results' | 'archive';

/** The same words as the mini-program's (one table, miniapp/src/features/elections/labels.ts). */
export const STATE_TEXT = STATE_LABELS;
export const EVENT_TEXT = ELECTION_EVENT_LABELS;

/**
 * The one step forward from each state, and what its confirmation says: every step is irreversible
 * (bff/src/elections/lifecycle.ts moves the state by a conditional update and never back).
 */
export const NEXT_STEP: Partial<Record<State, { step: StepName; label: string; warn: string }>> = {
  DRAFT: {
    step: 'publish',
    label: '公示候选人和业主名册',
    warn: '公示后候选人不能再修改，公示期（不少于 15 天）从现在起算；名册在投票开始前仍可更正。',
  },
  PUBLISHED: { step: 'open', label: '开始投票', warn: '开始后业主名册和规则冻结，并通知全体业主。' },
  OPEN: { step: 'close', label: '结束投票', warn: '结束后不再接受任何选票（线上、纸质或委托）。' },
  CLOSED: {
    step: 'tally',
    label: '计票',
    warn: '按《民法典》第二百七十八条计票：面积和人数双过半（重大事项四分之三）。',
  },
  TALLIED: { step: 'publish-results', label: '公布结果', warn: '结果将公告并向业主展示，不显示任何投票人姓名。' },
  RESULTS_PUBLISHED: { step: 'archive', label: '归档', warn: '归档后业主的投票列表不再显示此投票。' },
};

/** A matter's three answers; an election's choices are its candidates. */
export const MATTER_CHOICES = Object.entries(MATTER_LABELS).map(([id, label]) => ({ id, label }));

export const choicesOf = (e: CommitteeElection) =>
  e.kind === 'MATTER' ? MATTER_CHOICES : e.candidates.map((c) => ({ id: c.id, label: c.name }));

export const kindText = (e: ElectionSummary) =>
  e.kind === 'ELECTION'
    ? `业委会选举 · 应选 ${e.seats} 人`
    : e.class === 'SPECIAL'
      ? '重大事项（四分之三）'
      : '一般事项（过半数）';
