import { z } from 'zod';
import type { Deps } from '../deps.js';
import { createRouter } from '../http/router.js';
import { requireSession, userIdOf } from '../http/auth.js';
import { ZCommunityParams, ZText } from '../http/params.js';
import { requireRole } from '../access/guards.js';
import { calendarView } from './view.js';

const ZDayParams = ZCommunityParams.extend({ date: z.iso.date('日期格式应为 YYYY-MM-DD') });
const ZDay = z.object({ working: z.boolean('请选择上班或休息'), note: ZText({ max: 50, label: '说明' }) }).strict();
const STAFF = ['MANAGER', 'COMPANY_ADMIN', 'TECHNICIAN', 'CASHIER'] as const;

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
  router.delete('/:date', async (ctx) => {
    const { communityId, date } = ZDayParams.parse(ctx.params);
    await requireRole(deps.db, userIdOf(ctx), communityId, ['COMPANY_ADMIN']);
    const companyId = await companyOf(deps, communityId);
    await deps.db.workCalendarDay.deleteMany({ where: { companyId, date } });
    ctx.body = await calendarView(deps, companyId);
  });
  return router;
}
