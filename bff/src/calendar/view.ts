import type { Deps } from '../deps.js';
import { loadCalendar } from './work-calendar.js';

/** The company's calendar as staff see it: how far it reaches, the run-out warning, its corrections. */
export async function calendarView(deps: Deps, companyId: string) {
  const [calendar, days] = await Promise.all([
    loadCalendar(deps.db, companyId),
    deps.db.workCalendarDay.findMany({
      where: { companyId },
      orderBy: { date: 'asc' },
      select: { date: true, working: true, note: true },
    }),
  ]);
  return { coveredUntil: calendar.coveredUntil, warning: calendar.runOutWarning(deps.clock.now()), days };
}
