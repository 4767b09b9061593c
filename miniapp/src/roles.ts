import type { StaffRole } from './api/types';
import type { IconName } from './components/icon-paths';

/** `icon`: a glyph of the app's one icon set (components/icon.tsx), never an emoji. */
export type ModuleLink = { key: string; title: string; url: string; icon: IconName };

/** What every resident sees on the home page. */
export const RESIDENT_MODULES: ModuleLink[] = [
  { key: 'repairs', title: '报修', url: '/pages/repairs/index', icon: 'repair' },
  { key: 'snapshots', title: '随手拍', url: '/pages/snapshots/index', icon: 'camera' },
  { key: 'notices', title: '公告', url: '/pages/notices/index', icon: 'notice' },
  { key: 'fees', title: '缴费', url: '/pages/fees/index', icon: 'wallet' },
  { key: 'votes', title: '投票', url: '/pages/votes/index', icon: 'vote' },
];

const STAFF_MODULES: (ModuleLink & { roles: StaffRole[] })[] = [
  {
    key: 'repairs-inbox',
    title: '报修工单',
    url: '/packages/staff/repairs/index',
    icon: 'list',
    roles: ['MANAGER', 'TECHNICIAN', 'COMPANY_ADMIN'],
  },
  {
    key: 'on-behalf',
    title: '代客报修',
    url: '/packages/staff/on-behalf/index',
    icon: 'phone',
    roles: ['MANAGER', 'COMPANY_ADMIN'],
  },
  {
    key: 'overdue',
    title: '超时报修',
    url: '/packages/staff/overdue/index',
    icon: 'clock',
    roles: ['MANAGER', 'COMPANY_ADMIN'],
  },
  {
    key: 'snapshots-inbox',
    title: '随手拍',
    url: '/packages/staff/snapshots/index',
    icon: 'camera',
    roles: ['MANAGER', 'COMPANY_ADMIN'],
  },
  // #31: a department's person (technician, cashier) handles the complaints assigned to them.
  {
    key: 'complaints',
    title: '投诉处理',
    url: '/packages/staff/complaints/index',
    icon: 'inbox',
    roles: ['MANAGER', 'COMPANY_ADMIN', 'TECHNICIAN', 'CASHIER'],
  },
  {
    key: 'return-visits',
    title: '回访',
    url: '/packages/staff/return-visits/index',
    icon: 'success',
    roles: ['MANAGER', 'COMPANY_ADMIN'],
  },
  {
    key: 'moderation',
    title: '内容审核',
    url: '/packages/staff/moderation/index',
    icon: 'shield',
    roles: ['MANAGER', 'COMPANY_ADMIN'],
  },
  {
    key: 'bind-requests',
    title: '绑定审核',
    url: '/packages/staff/bind-requests/index',
    icon: 'home',
    roles: ['MANAGER', 'COMPANY_ADMIN'],
  },
  {
    key: 'notices-admin',
    title: '公告管理',
    url: '/packages/staff/notices/index',
    icon: 'edit',
    roles: ['MANAGER', 'COMPANY_ADMIN'],
  },
  {
    key: 'work-calendar',
    title: '全年节假日',
    url: '/packages/staff/work-calendar/index',
    icon: 'calendar',
    roles: ['MANAGER', 'COMPANY_ADMIN'],
  },
  {
    key: 'escalation',
    title: '升级链',
    url: '/packages/staff/escalation/index',
    icon: 'levels',
    roles: ['MANAGER', 'COMPANY_ADMIN'],
  },
  {
    key: 'stats',
    title: '统计',
    url: '/packages/staff/stats/index',
    icon: 'chart',
    roles: ['MANAGER', 'COMPANY_ADMIN'],
  },
  {
    key: 'cashier',
    title: '收银台',
    url: '/packages/cashier/desk/index',
    icon: 'receipt',
    // managers too: they waive bills and undo billing runs at the desk
    roles: ['CASHIER', 'MANAGER', 'COMPANY_ADMIN'],
  },
  {
    key: 'elections',
    title: '选举管理',
    url: '/packages/committee/elections/index',
    icon: 'folder',
    roles: ['COMMITTEE_MEMBER'],
  },
];

/** The staff modules the roles held in one community open, in a fixed order. */
export function staffModules(roles: StaffRole[]): ModuleLink[] {
  return STAFF_MODULES.filter((m) => m.roles.some((r) => roles.includes(r))).map(({ roles: _roles, ...link }) => link);
}

export const ROLE_LABELS: Record<StaffRole, string> = {
  MANAGER: '小区经理',
  TECHNICIAN: '维修工',
  CASHIER: '收银员',
  COMMITTEE_MEMBER: '业委会委员',
  COMPANY_ADMIN: '公司管理员',
};

export const RELATION_LABELS = { OWNER: '业主', CO_OWNER: '共有人', TENANT: '租户', FAMILY: '家属' } as const;
export const STATUS_LABELS = { PENDING: '审核中', VERIFIED: '已绑定', REJECTED: '已驳回', ENDED: '已解除' } as const;
