import { describe, expect, it } from 'vitest';
import { useBrowserStack } from './browser.js';
import { axe, signInAtDesk } from './console-kit.js';
import { makeRepairs } from '../support/factories/index.js';
import { DEMO_OPENIDS } from '../../prisma/seed.js';

/**
 * 统计 in the office console (#31): the company admin opens this month's figures of 梧桐苑 — cards with
 * numerator / denominator and links to the rows, the rating distribution as a chart — and the company's
 * communities compared as bars; axe finds nothing serious.
 */
const stack = useBrowserStack();

describe('办公台：统计', { timeout: 60_000 }, () => {
  it("shows a month's figures as cards with their counts, the rating chart and the communities compared", async () => {
    const db = stack.h.db;
    const owner = await db.user.findFirstOrThrow({
      where: { identities: { some: { openid: DEMO_OPENIDS.owner } } },
      include: { memberships: { include: { unit: true } } },
    });
    const unit = owner.memberships[0]!.unit;
    // Three repairs rated this month: 5 and 4 stars, and one whose lower score is 2.
    const ids = await makeRepairs(
      db,
      { communityId: unit.communityId, unitId: unit.id, reporterId: owner.id, assigneeId: null, status: 'CLOSED' },
      3,
    );
    for (const [i, [attitude, quality]] of [
      [5, 5],
      [4, 5],
      [2, 4],
    ].entries())
      await db.repairRequest.update({
        where: { id: ids[i]! },
        data: { ratingAttitude: attitude, ratingQuality: quality },
      });

    const desk = await signInAtDesk(stack, '物业公司管理员');
    await desk.getByRole('navigation', { name: '功能导航' }).getByRole('link', { name: '统计', exact: true }).click();
    const rating = desk.getByTestId('figure-rating');
    await expect.poll(() => rating.innerText()).toMatch(/平均评分[\s\S]*3\.67 星[\s\S]*星数合计 11 \/ 评价 3 单/);
    await expect.poll(() => desk.getByTestId('figure-returnVisit').innerText()).toMatch(/目标 ≥ 95%/);
    await desk.getByTestId('figure-collection').getByRole('link', { name: '查看收缴率' }).waitFor();
    const bars = desk.getByTestId('rating-chart').getByTestId('chart-bar');
    const values = async () => Promise.all((await bars.all()).map((b) => b.getAttribute('data-value')));
    await expect.poll(values).toEqual(['0', '1', '0', '1', '1']);
    await desk.getByTestId('stats-company').getByText('各小区对比').waitFor();
    await axe(desk, 'stats');
    await stack.shot(desk, '95-console-stats');
    // A card's link opens the rows behind it.
    await desk.getByTestId('figure-rating').getByRole('link', { name: '查看已评价报修' }).click();
    await expect.poll(() => desk.url()).toMatch(/#\/repairs\?status=CLOSED$/);

    // Complaints and return visits: the list filtered to the month's rows (filed / opened in it).
    const complaint = (text: string, filedAt: Date, rehandleCount: number) =>
      db.complaint.create({
        data: {
          communityId: unit.communityId,
          unitId: unit.id,
          residentId: owner.id,
          filedById: owner.id,
          channel: 'APP',
          kind: 'COMPLAINT',
          category: '环境卫生',
          text,
          rehandleCount,
          status: 'TRIAGED',
          filedAt,
          updatedAt: filedAt,
          triageDueAt: filedAt,
        },
      });
    const now = new Date();
    await complaint('本月投诉已重办一次', now, 1);
    await complaint('本月投诉未重办', now, 0);
    await complaint('上上个月的投诉', new Date(now.getTime() - 62 * 86_400_000), 1);
    await desk.goBack();
    await desk.getByTestId('figure-complaintRehandle').getByRole('link', { name: '查看重新处理的投诉' }).click();
    await expect.poll(() => desk.url()).toMatch(/#\/complaints\?month=\d{4}-\d\d&rehandled=1$/);
    const table = desk.getByRole('table');
    await table.getByText('本月投诉已重办一次').waitFor();
    expect(await table.getByText('本月投诉未重办').count()).toBe(0);
    expect(await table.getByText('上上个月的投诉').count()).toBe(0);
    await desk.getByTestId('filter-rehandled').waitFor();
    await desk.goBack();
    await desk.getByTestId('figure-complaintTriage').getByRole('link', { name: '查看本月投诉' }).click();
    await table.getByText('本月投诉未重办').waitFor();
    expect(await table.getByText('上上个月的投诉').count()).toBe(0);
    await desk.goBack();
    await desk.getByTestId('figure-returnVisit').getByRole('link', { name: '查看本月回访' }).click();
    await expect.poll(() => desk.url()).toMatch(/#\/return-visits\?month=\d{4}-\d\d$/);
    await desk.getByTestId('visit-month-filter').waitFor();
  });
});
