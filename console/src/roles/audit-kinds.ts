/**
 * The kinds a company admin filters the audit log by, as the BFF names them (bff/src/roles/audit-log.ts
 * AUDIT_KIND_NAMES; audit-kinds.test.ts keeps the two the same): roles, master data, money, vote steps, reveals.
 */
export const AUDIT_KINDS: Record<string, string> = {
  ROLE_GRANTED: '授予角色',
  ROLE_REMOVED: '移除角色',
  INVITATION_CREATED: '发出邀请',
  INVITATION_CONFIRMED: '确认管理员邀请',
  INVITATION_REVOKED: '撤回邀请',
  IMPORT_APPLIED: '导入',
  UNIT_AREA: '面积变更',
  UNIT_CHANGE: '房屋变更',
  ROSTER_ADD: '登记业主',
  ROSTER_CHANGE: '业主变更',
  BILLING_RUN: '生成账单',
  BILLING_RUN_UNDONE: '撤销账单生成',
  BILL_WAIVED: '减免账单',
  COUNTER_PAYMENT: '柜台收款',
  COUNTER_VOID_APPROVED: '批准收款作废',
  COUNTER_VOID_REJECTED: '驳回收款作废',
  REFUND_REQUESTED: '发起退款',
  REFUND_DONE: '退款完成',
  ELECTION_CREATED: '创建投票',
  ELECTION_PUBLISHED: '公示投票（冻结名册）',
  ELECTION_ROSTER_CONFIRMED: '确认投票名册',
  ELECTION_OPENED: '开始投票',
  ELECTION_CLOSED: '结束投票',
  ELECTION_TALLIED: '计票',
  ELECTION_RESULTS_PUBLISHED: '公布投票结果',
  ELECTION_PAPER_BALLOT: '录入纸质选票',
  ELECTION_PROXY_BALLOT: '录入委托投票',
  PII_REVEALED: '查看个人信息',
};
