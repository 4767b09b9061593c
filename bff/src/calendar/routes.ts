import { z } from 'zod';
import type { Deps } from '../deps.js';
import { createRouter } from '../http/router.js';
import { requireSession, userIdOf } from '../http/auth.js';
import { ZCommunityParams, ZText } from '../http/params.js';
import { requireRole } from '../access/guards.js';
import { calendarView } from './view.js';
import { AppError } from '../errors.js';

const ZDayParams = ZCommunityParams.extend({ date: z.iso.date('日期格式应为 YYYY-MM-DD') });
const ZDay = z.object({ working: z.boolean('请选择上班或休息'), note: ZText({ max: 50, label: '说明' }) }).strict();
const STAFF = ['MANAGER', 'COMPANY_ADMIN', 'TECHNICIAN', 'CASHIER'] as const;
const ZYearParams = ZCommunityParams.extend({
  year: z.coerce.number().int().min(2020, '年份不正确').max(2100, '年份不正确'),
});
/** A whole year's schedule: its statutory holidays and make-up working days (调休), one request. */
const ZYearSchedule = z
  .object({
    days: z
      .array(ZDay.extend({ date: z.iso.date('日期格式应为 YYYY-MM-DD') }).strict())
      .min(1, '请至少录入一天')
      .max(80, '一年的节假日和调休最多 80 天'),
  })
  .strict();

async function companyOf(deps: Deps, communityId: string) {
  return (await deps.db.community.findUniqueOrThrow({ where: { id: communityId }, select: { companyId: true } }))
    .companyId;
}

/**
 * The company's working calendar, as staff of one of its communities reach it: what it covers, the
 * run-out warning, and the company's corrections — which only its administrators make.
 */
export function calendarRoutes(deps: Deps) {
  const router = createRouter('/api/staff/communities/:communityId/work-calendar');
  router.use(requireSession(deps.sessions));
  router.get('/', async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    await requireRole(deps.db, userIdOf(ctx), communityId, [...STAFF]);
    ctx.body = await calendarView(deps, await companyOf(deps, communityId));
  });
  router.put('/:date', async (ctx) => {
    const { communityId, date } = ZDayParams.parse(ctx.params);
    const day = ZDay.parse(ctx.request.body);
    await requireRole(deps.db, userIdOf(ctx), communityId, ['COMPANY_ADMIN']);
    const companyId = await companyOf(deps, communityId);
    const data = { ...day, updatedAt: deps.clock.now() };
    await deps.db.workCalendarDay.upsert({
      where: { companyId_date: { companyId, date } },
      create: { companyId, date, ...data },
      update: data,
    });
    ctx.body = await calendarView(deps, companyId);
  });
  // Enter and confirm a whole year in one request (docs/domain.md §1, working days): the year's corrections
  // are replaced by these, and the year counts as covered from now on, in one transaction.
  router.put('/years/:year', async (ctx) => {
    const { communityId, year } = ZYearParams.parse(ctx.params);
    const { days } = ZYearSchedule.parse(ctx.request.body);
    const userId = userIdOf(ctx);
    await requireRole(deps.db, userId, communityId, ['COMPANY_ADMIN']);
    if (days.some((d) => !d.date.startsWith(`${year}-`)))
      throw new AppError('VALIDATION_FAILED', `只能录入 ${year} 年的日期`);
    if (new Set(days.map((d) => d.date)).size !== days.length)
      throw new AppError('VALIDATION_FAILED', '同一天录入了两次');
    const companyId = await companyOf(deps, communityId);
    const now = deps.clock.now();
    await deps.db.$transaction(async (tx) => {
      await tx.workCalendarDay.deleteMany({ where: { companyId, date: { startsWith: `${year}-` } } });
      await tx.workCalendarDay.createMany({ data: days.map((d) => ({ companyId, ...d, updatedAt: now })) });
      const confirmation = { confirmedById: userId, confirmedAt: now };
      await tx.workCalendarYear.upsert({
        where: { companyId_year: { companyId, year } },
        create: { companyId, year, ...confirmation },
        update: confirmation,
      });
    });
    ctx.body = await calendarView(deps, companyId);
  });
  router.delete('/:date', async (ctx) => {
    const { communityId, date } = ZDayParams.parse(ctx.params);
    await requireRole(deps.db, userIdOf(ctx), communityId, ['COMPANY_ADMIN']);
    const companyId = await companyOf(deps, communityId);
    await deps.db.workCalendarDay.deleteMany({ where: { companyId, date } });
    ctx.body = await calendarView(deps, companyId);
  });
  return router;
}
