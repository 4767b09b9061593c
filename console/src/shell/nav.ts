import type { StaffRole } from '../../../bff/src/api-types';

/** The console's screens and who sees them (docs/console.md, Navigation): later screens add a line here. */
export const SCREENS = [
  { path: '/counter', label: '收银台', roles: ['CASHIER', 'MANAGER'] },
  { path: '/arrears', label: '欠费清单', roles: ['CASHIER', 'MANAGER', 'COMPANY_ADMIN'] },
  { path: '/elections', label: '业委会投票', roles: ['COMMITTEE_MEMBER'] },
  { path: '/company', label: '小区对比', roles: ['COMPANY_ADMIN'] },
  { path: '/company/admin', label: '小区管理（即将上线）', roles: ['COMPANY_ADMIN'] },
] as const satisfies readonly { path: string; label: string; roles: readonly StaffRole[] }[];

export type ScreenPath = (typeof SCREENS)[number]['path'];

export const screensFor = (roles: readonly StaffRole[]) =>
  SCREENS.filter((s) => s.roles.some((r) => (roles as StaffRole[]).includes(r)));
