import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserStack } from './browser.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WEAPP_DIST } from '../../scripts/lib/weapp-size.js';
import { DEMO_OPENIDS } from '../../prisma/seed.js';
import type { Harness } from '../support/harness.js';
import { openElection, repairBody } from '../support/factories/index.js';

/**
 * Every route of app.json renders readable text, not its error state, and is photographed.
 * The H5 build in headless Chromium against the real BFF and simulator, driven as people use it;
 * screenshots land in tests/.screenshots/ (git-ignored).
 */
const stack = useBrowserStack();

const OWNER = '业主（已绑定 梧桐苑1号楼101）';
const COMMITTEE = '业委会委员 · 梧桐苑';
const CASHIER = '收银员 · 梧桐苑';
type Viewer = 'admin' | 'owner' | 'committee' | 'cashier';

/**
 * The detail pages show one record, named by `id`: one of each, made through the API by the demo
 * users who make them, and looked at by whom they are for (the demo owner of 梧桐苑 101, the
 * committee, the cashier); every other route by the company's administrator.
 */
async function detailRecords(h: Harness, communityId: string): Promise<Record<string, { id?: string; as: Viewer }>> {
  const as = async (openid: string) => {
    const token = await h.loginAs(openid);
    return {
      call: (method: string, path: string, opts: { body?: unknown } = {}) => h.call(method, path, { ...opts, token }),
    };
  };
  const [owner, manager, committee] = await Promise.all(
    [DEMO_OPENIDS.owner, DEMO_OPENIDS.managerA, DEMO_OPENIDS.committee].map(as),
  );
  const { unitId } = await h.db.unitMembership.findFirstOrThrow({
    where: { status: 'VERIFIED', user: { identities: { some: { openid: DEMO_OPENIDS.owner } } } },
  });
  const created = async (res: Promise<{ status: number; body: { id?: string; order?: { id: string } } }>) => {
    const { status, body } = await res;
    expect(status).toBe(201);
    return (body.id ?? body.order?.id)!;
  };
  const repair = await created(owner!.call('POST', '/api/repairs', { body: repairBody(unitId) }));
  const snapshot = await created(
    owner!.call('POST', '/api/snapshots', { body: { communityId, kind: 'PROBLEM', text: '3号楼门口路灯不亮' } }),
  );
  const notice = await created(
    manager!.call('POST', '/api/staff/notices', {
      body: { title: '停水通知', body: '<p>明日停水</p>', category: 'OUTAGE', communityIds: [communityId] },
    }),
  );
  expect((await manager!.call('POST', `/api/staff/notices/${notice}/publish`)).status).toBe(200);
  const election = await openElection(h, committee!, communityId);
  const bills = await owner!.call('GET', `/api/bills?unitId=${unitId}&status=unpaid`);
  const order = await created(owner!.call('POST', '/api/pay/orders', { body: { billIds: [bills.body.items[0].id] } }));
  const payment = await h.db.counterPayment.findFirstOrThrow({ where: { communityId } });
  const complaint = await created(
    owner!.call('POST', '/api/complaints', {
      body: { unitId, kind: 'COMPLAINT', category: '环境卫生', text: '东门垃圾桶两天没有清运' },
    }),
  );
  const survey = await created(
    manager!.call('POST', `/api/staff/communities/${communityId}/surveys`, {
      body: {
        title: '物业服务满意度调查',
        questions: [{ type: 'stars', title: '您对物业服务的总体评价' }],
        opensAt: new Date(Date.now() - 3_600_000).toISOString(),
        closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      },
    }),
  );
  return {
    'pages/repairs/detail': { id: repair, as: 'owner' },
    'pages/notices/detail': { id: notice, as: 'owner' },
    'packages/committee/votes/detail': { id: election.id, as: 'owner' },
    'packages/snapshots/detail': { id: snapshot, as: 'owner' },
    'packages/fees/receipt': { id: order, as: 'owner' },
    'packages/cashier/receipt/index': { id: payment.id, as: 'cashier' },
    'packages/committee/elections/index': { as: 'committee' },
    'packages/committee/elections/detail': { id: election.id, as: 'committee' },
    'packages/voice/complaints/detail': { id: complaint, as: 'owner' },
    'packages/staff/complaints/detail': { id: complaint, as: 'admin' },
    'packages/voice/surveys/detail': { id: survey, as: 'owner' },
    'packages/household/index': { as: 'owner' },
  };
}

describe('every route of the app', { timeout: 120_000 }, () => {
  it('renders something a person can read, not an error, and is photographed', async () => {
    const app = JSON.parse(readFileSync(join(WEAPP_DIST, 'app.json'), 'utf8')) as {
      pages: string[];
      subPackages: { root: string; pages: string[] }[];
    };
    const routes = [...app.pages, ...app.subPackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))];
    expect(routes.length).toBeGreaterThanOrEqual(16);
    const community = await stack.h.db.community.findFirstOrThrow({ where: { name: '梧桐苑' } });
    const records = await detailRecords(stack.h, community.id);
    const admin = await stack.newPage();
    await stack.devLogin(admin, '物业公司管理员');
    await admin.getByText('员工工作台', { exact: true }).waitFor();
    const owner = await stack.newPage();
    await stack.devLogin(owner, OWNER);
    await owner.getByTestId('home').waitFor();
    const committee = await stack.newPage();
    await stack.devLogin(committee, COMMITTEE);
    await committee.getByTestId('home').waitFor();
    const cashier = await stack.newPage();
    await stack.devLogin(cashier, CASHIER);
    await cashier.getByText('收银台', { exact: true }).first().waitFor();
    const viewers: Record<Viewer, Page> = { admin, owner, committee, cashier };
    const errors: string[] = [];
    for (const route of routes) {
      const { id, as } = records[route] ?? { as: 'admin' };
      const page = viewers[as];
      await page.goto(`${stack.url}/#/${route}?communityId=${community.id}${id ? `&id=${id}` : ''}`);
      // Taro names a page's element after its path: the one just opened, not the one before it.
      const shown = page.locator(`.taro_page[id^="/${route}"]`).last();
      await shown
        .getByText(/[\u4e00-\u9fa5]{2,}/)
        .first()
        .waitFor();
      // 加载中… is readable too: wait for what the page loads; then it must not be PageShell's error
      // (加载失败 and the API's message) or signed-out state — readable, but not the page.
      await expect.poll(() => shown.getByTestId('state-loading').count(), { timeout: 30_000 }).toBe(0);
      const failed = shown.locator('[data-testid="state-error"], [data-testid="state-signed-out"]');
      if ((await failed.count()) > 0) errors.push(`${route}: ${await failed.first().textContent()}`);
      await stack.shot(page, `route-${route.replace(/\//g, '_')}`);
    }
    expect(errors, 'routes showing their error state').toEqual([]);
  });
});
