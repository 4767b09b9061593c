import type { Me } from './api/types';

const DESK_HOME = '/packages/cashier/desk/index';

/**
 * Where a signed-in user starts: phone first, then a unit (unless they are staff), then home. A desk
 * browser (signed in by scanning its code) opens the cashier desk for those who work it.
 */
export function nextRoute(me: Me): string {
  if (me.desk)
    return me.staff.some((s) => s.roles.includes('CASHIER') || s.roles.includes('MANAGER'))
      ? DESK_HOME
      : '/pages/home/index';
  if (!me.hasPhone) return '/pages/phone/index';
  if (me.units.length === 0 && me.staff.length === 0) return '/pages/bind/index';
  return '/pages/home/index';
}
