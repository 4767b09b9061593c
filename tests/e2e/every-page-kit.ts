import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { BrowserStack } from './browser.js';
import { axeFindings } from './console-kit.js';
import { MODES, layoutProblems } from './care-kit.js';
import { draftElection } from '../support/factories/elections.js';
import { repairBody } from '../support/factories/repairs.js';

/**
 * Issue 30, every page three ways (docs/design.md §Tests): each page of app.config.ts opened in normal
 * mode, 关怀模式 and at 2× text, with a screenshot (tests/.screenshots/every-<mode>-<route>), the layout
 * probe of care-kit.ts (no text out of its box, no sideways scroll, targets ≥ 44 px or 48 in care mode, no
 * emoji) and axe without a serious or critical finding. One browser, one signed-in phone per mode, and the
 * routes opened one after the other in it; a page that needs an id gets a real one made beforehand.
 */
export type Visit = { route: string; query?: string; as?: string };

export const OWNER = '业主（已绑定 梧桐苑1号楼101）';
export const MANAGER = '小区经理 · 梧桐苑';
export const COMMITTEE = '业委会委员 · 梧桐苑';

const authed = (stack: BrowserStack, openid: string) => {
  const token = stack.h.loginAs(openid);
  return {
    call: async (method: string, path: string, opts: { body?: unknown } = {}) => {
      const res = await stack.h.call(method, path, { token: await token, ...opts });
      expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
      return res;
    },
  };
};

/** The records the detail pages open, made through the API as the app would make them. */
export async function pageData(stack: BrowserStack) {
  const db = stack.h.db;
  const community = await db.community.findFirstOrThrow({ where: { name: '梧桐苑' } });
  const home = await db.unitMembership.findFirstOrThrow({
    where: { user: { identities: { some: { openid: 'demo-owner' } } }, status: 'VERIFIED' },
  });
  const owner = authed(stack, 'demo-owner');
  const manager = authed(stack, 'demo-manager-wutong');
  const committee = authed(stack, 'demo-committee');
  const repair = await owner.call('POST', '/api/repairs', { body: repairBody(home.unitId) });
  const snapshot = await owner.call('POST', '/api/snapshots', {
    body: { communityId: community.id, kind: 'PROBLEM', text: '3号楼门口路灯不亮' },
  });
  const complaint = await owner.call('POST', '/api/complaints', {
    body: { unitId: home.unitId, kind: 'CONSULTATION', category: '收费', text: '车位管理费怎么收的？' },
  });
  const notice = await manager.call('POST', '/api/staff/notices', {
    body: { title: '停水通知', body: '<p>明日 9:00–12:00 停水</p>', category: 'OUTAGE', communityIds: [community.id] },
  });
  await manager.call('POST', `/api/staff/notices/${notice.body.id}/publish`);
  const survey = await manager.call('POST', `/api/staff/communities/${community.id}/surveys`, {
    body: {
      title: '满意度调查',
      questions: [{ type: 'single', title: '保洁是否及时', options: ['及时', '一般', '不及时'] }],
      opensAt: new Date(Date.now() - 3_600_000).toISOString(),
      closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    },
  });
  const bill = await db.bill.findFirstOrThrow({ where: { unitId: home.unitId, state: 'UNPAID' } });
  const order = await owner.call('POST', '/api/pay/orders', { body: { billIds: [bill.id] } });
  const counter = await db.counterPayment.findFirstOrThrow({ where: { communityId: community.id } });
  const election = await draftElection(stack.h, committee, community.id);
  return {
    communityId: community.id,
    repairId: repair.body.id as string,
    snapshotId: snapshot.body.id as string,
    complaintId: complaint.body.id as string,
    noticeId: notice.body.id as string,
    surveyId: survey.body.id as string,
    unitId: home.unitId,
    orderId: order.body.id as string,
    counterPaymentId: counter.id,
    electionId: election.id,
  };
}

type PageData = Awaited<ReturnType<typeof pageData>>;

/** The resident's pages: the main package (less the splash, which only routes onward) and the resident subpackages. */
export function residentVisits(d: PageData): Visit[] {
  return [
    { route: 'pages/dev-login/index' },
    { route: 'pages/phone/index' },
    { route: 'pages/bind/index' },
    { route: 'pages/home/index' },
    { route: 'pages/repairs/index' },
    { route: 'pages/repairs/new' },
    { route: 'pages/repairs/detail', query: `id=${d.repairId}` },
    { route: 'pages/snapshots/index' },
    { route: 'pages/notices/index' },
    { route: 'pages/notices/detail', query: `id=${d.noticeId}` },
    { route: 'pages/fees/index' },
    { route: 'pages/votes/index' },
    { route: 'pages/not-found/index' },
    { route: 'pages/me/index' },
    { route: 'pages/contact/index' },
    { route: 'packages/snapshots/new' },
    { route: 'packages/snapshots/detail', query: `id=${d.snapshotId}` },
    { route: 'packages/snapshots/wall' },
    { route: 'packages/fees/receipt', query: `id=${d.orderId}` },
    { route: 'packages/voice/complaints/index' },
    { route: 'packages/voice/complaints/new' },
    { route: 'packages/voice/complaints/detail', query: `id=${d.complaintId}` },
    { route: 'packages/voice/surveys/index' },
    { route: 'packages/voice/surveys/detail', query: `id=${d.surveyId}&unitId=${d.unitId}` },
    { route: 'packages/household/index' },
    // The owner's ballot of a draft election: not open to owners yet, so the page's own 'not found' state.
    { route: 'packages/committee/votes/detail', query: `id=${d.electionId}` },
  ];
}

/** The office's, the cashier's and the committee's pages, with the community or record each opens. */
export function staffVisits(d: PageData): Visit[] {
  const c = `communityId=${d.communityId}`;
  const m = (route: string, query = c): Visit => ({ route, query, as: MANAGER });
  return [
    m('pages/home/index', ''),
    m('packages/staff/repairs/index'),
    m('packages/staff/overdue/index'),
    m('packages/staff/snapshots/index'),
    m('packages/staff/moderation/index'),
    m('packages/staff/bind-requests/index'),
    m('packages/staff/notices/index'),
    m('packages/staff/notices/edit', `${c}&id=${d.noticeId}`),
    m('packages/staff/desk-login/index', ''),
    m('packages/staff/work-calendar/index'),
    m('packages/staff/escalation/index'),
    m('packages/staff/invitation/index', ''),
    m('packages/staff/on-behalf/index'),
    m('packages/staff/stats/index'),
    m('packages/staff/complaints/index'),
    m('packages/staff/complaints/detail', `id=${d.complaintId}`),
    m('packages/staff/return-visits/index'),
    m('packages/cashier/desk/index'),
    m('packages/cashier/receipt/index', `id=${d.counterPaymentId}`),
    m('packages/cashier/login/index', ''),
    { route: 'packages/committee/elections/index', query: c, as: COMMITTEE },
    { route: 'packages/committee/elections/detail', query: `id=${d.electionId}`, as: COMMITTEE },
  ];
}

/** Every route of miniapp/src/app.config.ts, subpackage pages under their root. */
export function appConfigRoutes(): string[] {
  const text = readFileSync(join(import.meta.dirname, '../../miniapp/src/app.config.ts'), 'utf8');
  const main = [...text.slice(0, text.indexOf('subPackages')).matchAll(/'(pages\/[^']+)'/g)].map((x) => x[1]!);
  const subs = [...text.matchAll(/root: '([^']+)',\s*pages: \[([^\]]+)\]/g)].flatMap(([, root, pages]) =>
    [...pages!.matchAll(/'([^']+)'/g)].map((x) => `${root}/${x[1]}`),
  );
  return [...main, ...subs];
}

/** The page Taro shows for `route` (the pages below it stay in the document). */
const shown = (page: Page, route: string) => page.locator(`.taro_page[id^="/${route}"]`).last();

async function open(page: Page, url: string, v: Visit) {
  await page.goto(`${url}/#/${v.route}${v.query ? `?${v.query}` : ''}`);
  const root = shown(page, v.route);
  await root
    .getByText(/[\u4e00-\u9fa5]{2,}/)
    .first()
    .waitFor();
  // After the page has loaded (issue 30): never a skeleton in a screenshot.
  // (A wait on the page, not expect.poll: the modes run as concurrent tests.)
  await root.getByTestId('state-loading').first().waitFor({ state: 'detached', timeout: 30_000 });
}

/**
 * Every visit in one mode, on one phone signed in per `as` (the first login is reused for the rest):
 * the problems found, one line each (empty when all is well).
 */
export async function everyPage(stack: BrowserStack, mode: keyof typeof MODES, visits: Visit[], file: string) {
  const { storage, target } = MODES[mode];
  const phones = new Map<string, Page>();
  const problems: string[] = [];
  for (const v of visits) {
    const as = v.as ?? OWNER;
    let page = phones.get(as);
    if (!page) {
      page = await stack.newPage();
      const set = Object.entries(storage).map(
        ([k, val]) => `localStorage.setItem('${k}', '${JSON.stringify({ data: val })}');`,
      );
      await page.addInitScript(set.join('\n'));
      await stack.devLogin(page, as);
      await page.getByTestId('home').waitFor();
      phones.set(as, page);
    }
    const name = `${mode} ${v.route}`;
    try {
      await open(page, stack.url, v);
    } catch (e) {
      problems.push(`${name}: did not open (${(e as Error).message.split('\n')[0]})`);
      continue;
    }
    await stack.shot(page, `every-${file}-${mode}-${v.route.replace(/\//g, '_')}`);
    problems.push(...(await layoutProblems(page, v.route, target)).map((p) => `${name}: ${p}`));
    problems.push(...(await axeFindings(page, name, { include: `.taro_page[id^="/${v.route}"]` })));
  }
  await Promise.all([...phones.values()].map((p) => p.context().close()));
  return problems;
}
