import { describe, expect, it } from 'vitest';
import { staffModules } from './roles';
import { nextRoute } from './entry';

describe('staffModules', () => {
  it('shows each role its own modules, once, in a fixed order', () => {
    expect(staffModules(['TECHNICIAN']).map((m) => m.key)).toEqual(['repairs-inbox', 'complaints']);
    expect(staffModules(['CASHIER']).map((m) => m.key)).toEqual(['complaints', 'cashier']);
    expect(staffModules(['COMMITTEE_MEMBER']).map((m) => m.key)).toEqual(['elections']);
    expect(staffModules(['MANAGER', 'TECHNICIAN']).map((m) => m.key)).toEqual([
      'repairs-inbox',
      'on-behalf',
      'overdue',
      'snapshots-inbox',
      'complaints',
      'return-visits',
      'moderation',
      'bind-requests',
      'notices-admin',
      'work-calendar',
      'escalation',
      'stats',
      'cashier',
    ]);
    expect(staffModules([])).toEqual([]);
  });
  it('links staff pages into subpackages only', () => {
    for (const m of staffModules(['MANAGER', 'CASHIER', 'COMMITTEE_MEMBER'])) expect(m.url).toMatch(/^\/packages\//);
  });
});

describe('nextRoute', () => {
  const me = { id: 'u', name: null, phone: '13800000000', hasPhone: true, desk: false, units: [], staff: [] };
  it('asks for the phone first, then a unit, then goes home; staff need no unit', () => {
    expect(nextRoute({ ...me, hasPhone: false, phone: null })).toBe('/pages/phone/index');
    expect(nextRoute(me)).toBe('/pages/bind/index');
    expect(
      nextRoute({
        ...me,
        staff: [{ community: { id: 'c', name: '梧桐苑' }, roles: ['CASHIER'], canRevealPii: false }],
      }),
    ).toBe('/pages/home/index');
  });
  it('sends a desk browser to the cashier desk when its person works it, else to the staff home', () => {
    const staff = (roles: ('CASHIER' | 'MANAGER' | 'TECHNICIAN')[]) => [
      { community: { id: 'c', name: '梧桐苑' }, roles, canRevealPii: false },
    ];
    expect(nextRoute({ ...me, desk: true, staff: staff(['CASHIER']) })).toBe('/packages/cashier/desk/index');
    expect(nextRoute({ ...me, desk: true, staff: staff(['MANAGER']) })).toBe('/packages/cashier/desk/index');
    expect(nextRoute({ ...me, desk: true, staff: staff(['TECHNICIAN']) })).toBe('/pages/home/index');
  });
});
