import type { ElectionSummary } from '../../../../bff/src/api-types';

/**
 * The words of a vote's states, a matter's answers and its audit trail: plain data, shared by the
 * mini-program and the office console (console/src/elections), so both say the same.
 */
export const STATE_LABELS: Record<ElectionSummary['state'], string> = {
  DRAFT: '草稿',
  PUBLISHED: '公示中',
  OPEN: '投票中',
  CLOSED: '已截止',
  TALLIED: '已计票',
  RESULTS_PUBLISHED: '结果已公布',
  ARCHIVED: '已归档',
};
export const MATTER_LABELS: Record<string, string> = { YES: '同意', NO: '反对', ABSTAIN: '弃权' };

/** The audit trail's actions (ElectionEvent.action) in words. */
export const ELECTION_EVENT_LABELS: Record<string, string> = {
  CREATED: '创建',
  CANDIDATE_ADDED: '添加候选人',
  CANDIDATE_REMOVED: '删除候选人',
  PUBLISHED: '公示',
  ROSTER_CORRECTED: '更正名册',
  ROSTER_CONFIRMED: '确认业主名册',
  VOTER_ADMITTED: '确认投票人',
  REVIEW_PASSED: '候选人资料审核通过',
  REVIEW_REJECTED: '候选人资料审核不通过',
  NOTICE_EDITED: '修改公告',
  NOTICE_WITHDRAWN: '撤回公告',
  REPUBLISHED: '重新公示',
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
