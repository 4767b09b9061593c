import type { StaffRole } from '../../../bff/src/api-types';

/** The console's screens and who sees them (docs/console.md, Navigation): later screens add a line here. */
export const SCREENS = [
  { path: '/counter', label: '收银台', roles: ['CASHIER', 'MANAGER'] },
  { path: '/arrears', label: '欠费清单', roles: ['CASHIER', 'MANAGER', 'COMPANY_ADMIN'] },
  { path: '/unit-bills', label: '房屋账单', roles: ['CASHIER', 'MANAGER'] },
  { path: '/refunds', label: '退款', roles: ['CASHIER', 'MANAGER'] },
  { path: '/reconcile', label: '对账', roles: ['CASHIER', 'MANAGER', 'COMPANY_ADMIN'] },
  { path: '/takings', label: '收款日报', roles: ['CASHIER', 'MANAGER', 'COMPANY_ADMIN'] },
  { path: '/collection', label: '收缴率', roles: ['CASHIER', 'MANAGER', 'COMPANY_ADMIN'] },
  { path: '/billing', label: '账单生成', roles: ['CASHIER', 'MANAGER', 'COMPANY_ADMIN'] },
  { path: '/fee-items', label: '收费标准', roles: ['MANAGER', 'COMPANY_ADMIN', 'CASHIER'] },
  { path: '/repairs', label: '报修列表', roles: ['MANAGER', 'COMPANY_ADMIN'] },
  { path: '/repair-board', label: '派单看板', roles: ['MANAGER', 'COMPANY_ADMIN'] },
  { path: '/overdue', label: '超时看板', roles: ['MANAGER', 'COMPANY_ADMIN'] },
  { path: '/snapshots', label: '随手拍', roles: ['MANAGER', 'COMPANY_ADMIN'] },
  { path: '/stats', label: '统计', roles: ['MANAGER', 'COMPANY_ADMIN'] },
  { path: '/moderation', label: '内容审核', roles: ['MANAGER', 'COMPANY_ADMIN'] },
  { path: '/notices', label: '公告', roles: ['MANAGER', 'COMPANY_ADMIN'] },
  { path: '/notice-edit', label: '写公告', roles: ['MANAGER', 'COMPANY_ADMIN'] },
  { path: '/bind-requests', label: '绑定审核', roles: ['MANAGER', 'COMPANY_ADMIN'] },
  { path: '/void-requests', label: '作废审批', roles: ['MANAGER'] },
  { path: '/repair-sla', label: '报修时限与升级', roles: ['MANAGER', 'COMPANY_ADMIN'] },
  { path: '/work-calendar', label: '工作日历', roles: ['MANAGER', 'COMPANY_ADMIN'] },
  { path: '/technicians', label: '维修工', roles: ['MANAGER', 'COMPANY_ADMIN'] },
  { path: '/complaints', label: '投诉与咨询', roles: ['MANAGER', 'COMPANY_ADMIN'] },
  { path: '/return-visits', label: '回访', roles: ['MANAGER', 'COMPANY_ADMIN'] },
  { path: '/surveys', label: '满意度调查', roles: ['MANAGER', 'COMPANY_ADMIN'] },
  { path: '/elections', label: '业委会投票', roles: ['COMMITTEE_MEMBER'] },
  { path: '/committee-surveys', label: '意见征询', roles: ['COMMITTEE_MEMBER'] },
  { path: '/company', label: '小区对比', roles: ['COMPANY_ADMIN'] },
  { path: '/company/admin', label: '导入资料', roles: ['COMPANY_ADMIN'] },
  { path: '/master', label: '小区与房屋', roles: ['MANAGER', 'COMPANY_ADMIN'] },
  { path: '/transfers', label: '过户登记', roles: ['MANAGER', 'COMPANY_ADMIN'] },
  { path: '/people', label: '人员与角色', roles: ['MANAGER', 'COMPANY_ADMIN'] },
  { path: '/audit', label: '审计日志', roles: ['COMPANY_ADMIN'] },
  { path: '/committee', label: '业委会成员', roles: ['MANAGER', 'COMPANY_ADMIN'] },
] as const satisfies readonly { path: string; label: string; roles: readonly StaffRole[] }[];

export type ScreenPath = (typeof SCREENS)[number]['path'];

export const screensFor = (roles: readonly StaffRole[]) =>
  SCREENS.filter((s) => s.roles.some((r) => (roles as StaffRole[]).includes(r)));
