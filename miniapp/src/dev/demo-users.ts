/**
 * The demo users of prisma/seed.ts, for the H5 development login. tests/miniapp-demo-users.test.ts
 * keeps this list equal to the seed's.
 */
export const DEMO_USERS: { openid: string; label: string }[] = [
  { openid: 'demo-owner', label: '业主（已绑定 梧桐苑1号楼101）' },
  { openid: 'demo-owner-unbound', label: '业主（在花名册，未绑定）' },
  { openid: 'demo-pending', label: '租户（绑定待审核）' },
  { openid: 'demo-newcomer', label: '新用户（未授权手机号）' },
  { openid: 'demo-manager-wutong', label: '小区经理 · 梧桐苑' },
  { openid: 'demo-manager-yinxing', label: '小区经理 · 银杏花园' },
  { openid: 'demo-technician', label: '维修工' },
  { openid: 'demo-cashier', label: '收银员 · 梧桐苑' },
  { openid: 'demo-committee', label: '业委会委员 · 梧桐苑' },
  { openid: 'demo-admin', label: '物业公司管理员' },
];
