import type { CommitteeElection, ElectionSummary } from '../../../bff/src/api-types';

export type State = ElectionSummary['state'];
export type StepName = 'publish' | 'open' | 'close' | 'tally' | 'publish-results' | 'archive';

/** How each state reads at the desk. */
export const STATE_TEXT: Record<State, string> = {
  DRAFT: '草稿',
  PUBLISHED: '公示中',
  OPEN: '投票中',
  CLOSED: '已截止',
  TALLIED: '已计票',
  RESULTS_PUBLISHED: '结果已公布',
  ARCHIVED: '已归档',
};

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
export const MATTER_CHOICES = [
  { id: 'YES', label: '同意' },
  { id: 'NO', label: '反对' },
  { id: 'ABSTAIN', label: '弃权' },
];

export const choicesOf = (e: CommitteeElection) =>
  e.kind === 'MATTER' ? MATTER_CHOICES : e.candidates.map((c) => ({ id: c.id, label: c.name }));

export const kindText = (e: ElectionSummary) =>
  e.kind === 'ELECTION'
    ? `业委会选举 · 应选 ${e.seats} 人`
    : e.class === 'SPECIAL'
      ? '重大事项（四分之三）'
      : '一般事项（过半数）';

/** The audit trail's actions in words; an unknown one is shown as it is stored. */
export const EVENT_TEXT: Record<string, string> = {
  CREATED: '创建草稿',
  CANDIDATE_ADDED: '添加候选人',
  CANDIDATE_REMOVED: '删除候选人',
  PUBLISHED: '公示',
  REPUBLISHED: '重新公示',
  ROSTER_CORRECTED: '更正名册',
  ROSTER_CONFIRMED: '确认业主名册',
  VOTER_ADMITTED: '确认投票人',
  REVIEW_PASSED: '候选人资料审核通过',
  REVIEW_REJECTED: '候选人资料审核不通过',
  DEADLINE_SET: '修改截止时间',
  OPENED: '开始投票',
  PAPER_BALLOT: '录入纸质选票',
  PROXY_BALLOT: '录入委托投票',
  REMINDED: '提醒未投票业主',
  CLOSED: '结束投票',
  TALLIED: '计票',
  RESULTS_PUBLISHED: '公布结果',
  ARCHIVED: '归档',
};
