import type { Me } from './api/types';

/** Where a signed-in user starts: phone first, then a unit (unless they are staff), then home. */
export function nextRoute(me: Me): string {
  if (!me.hasPhone) return '/pages/phone/index';
  if (me.units.length === 0 && me.staff.length === 0) return '/pages/bind/index';
  return '/pages/home/index';
}
