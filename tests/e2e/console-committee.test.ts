import { describe, expect, it } from 'vitest';
import { beijingDay, addDays } from '../../bff/src/beijing.js';
import { useBrowserStack } from './browser.js';
import { axe, signInAtDesk } from './console-kit.js';
import { phonePhoto } from '../support/images.js';

/**
 * 业委会成员 at a desk (issue 27, docs/roles.md §The committee): a company admin enters a term by hand
 * with the filing date and the receipt photo; the member appears with the office and the days to the
 * term's end. Then the next term from a published election's elected (one who declined left out), with
 * the same evidence. Checked by axe and photographed.
 */
const stack = useBrowserStack();

describe('办公台：业委会成员', { timeout: 60_000 }, () => {
  it('a company admin enters a term by hand with its filing evidence', async () => {
    const desk = await signInAtDesk(stack, '物业公司管理员');
    await desk.getByRole('navigation', { name: '功能导航' }).getByRole('link', { name: '业委会成员' }).click();
    await desk.getByRole('heading', { level: 1, name: '业委会成员' }).waitFor();
    await desk.getByText('还没有录入本届业委会').waitFor();
    await axe(desk, 'committee');

    // An owner of record of the community on screen who uses the app: the seed's committee member.
    const communityId = (await desk.evaluate("sessionStorage.getItem('wyt-console-community')")) as string;
    const owner = await stack.h.db.user.findFirstOrThrow({
      where: { staffRoles: { some: { role: 'COMMITTEE_MEMBER', communityId } } },
      select: { name: true, phone: true },
    });
    const today = beijingDay(stack.h.deps.clock.now());
    await desk.getByRole('button', { name: '手工录入' }).click();
    const form = desk.locator('form.wyt-committee__form');
    await form.getByLabel('任期开始').fill(addDays(today, -20));
    await form.getByLabel('任期结束').fill(addDays(today, 365 * 5 - 30));
    await form.getByLabel('备案日期').fill(today);
    await form.getByLabel('备案回执').setInputFiles({
      name: '备案回执.jpg',
      mimeType: 'image/jpeg',
      buffer: await phonePhoto({ width: 320, height: 240 }),
    });
    await form.getByLabel('第 1 位成员手机号').fill(owner.phone!);
    await axe(desk, 'committee drawer');
    await stack.shot(desk, '120-console-committee-drawer');
    await form.getByRole('button', { name: '确认录入' }).click();

    const term = desk.getByRole('region', { name: '本届业委会' });
    await term.getByRole('cell', { name: owner.name! }).waitFor();
    await expect(term.getByRole('row').filter({ hasText: owner.name! }).innerText()).resolves.toContain('主任');
    await term.getByText(`${addDays(today, 365 * 5 - 30)}`).waitFor();
    await axe(desk, 'committee entered');
    await stack.shot(desk, '121-console-committee');
  });

  it('a company admin enters the next term from a published election’s elected, with its filing evidence', async () => {
    const desk = await signInAtDesk(stack, '物业公司管理员');
    await desk.getByRole('navigation', { name: '功能导航' }).getByRole('link', { name: '业委会成员' }).click();
    await desk.getByRole('heading', { level: 1, name: '业委会成员' }).waitFor();
    const communityId = (await desk.evaluate("sessionStorage.getItem('wyt-console-community')")) as string;
    const { companyId } = await stack.h.db.community.findUniqueOrThrow({ where: { id: communityId } });
    const admin = await stack.h.db.staffRole.findFirstOrThrow({ where: { role: 'COMPANY_ADMIN', companyId } });

    // Three owners of record of this community who use the app, each the only owner of that name: the
    // candidates a published election elected (the proposal matches them by name through the roster).
    const roster = await stack.h.db.ownerRosterEntry.findMany({
      where: { unit: { communityId }, relation: { in: ['OWNER', 'CO_OWNER'] } },
      select: { name: true, phone: true },
    });
    const accounts = new Set(
      (
        await stack.h.db.user.findMany({
          where: { phone: { in: roster.map((r) => r.phone) } },
          select: { phone: true },
        })
      ).map((u) => u.phone),
    );
    const names = [...new Set(roster.map((r) => r.name))]
      .filter((n) => new Set(roster.filter((r) => r.name === n).map((r) => r.phone)).size === 1)
      .filter((n) => accounts.has(roster.find((r) => r.name === n)!.phone))
      .slice(0, 3);
    expect(names).toHaveLength(3);
    const [director, deputy, declined] = names as [string, string, string];
    const now = stack.h.deps.clock.now();
    const candidateIds = names.map(() => crypto.randomUUID());
    const title = `第三届业主委员会选举（${crypto.randomUUID().slice(0, 4)}）`;
    await stack.h.db.election.create({
      data: {
        communityId,
        title,
        kind: 'ELECTION',
        class: 'ORDINARY',
        seats: 3,
        state: 'RESULTS_PUBLISHED',
        closesAt: new Date(now.getTime() - 60_000),
        closedAt: new Date(now.getTime() - 60_000),
        createdById: admin.userId,
        createdAt: new Date(now.getTime() - 30 * 86_400_000),
        result: { elected: candidateIds, runoff: [], vacant: 0 },
        candidates: { create: names.map((name, i) => ({ id: candidateIds[i], name, sortOrder: i })) },
      },
    });

    await desk.reload();
    const proposal = desk.getByRole('region', { name: '最近公布结果的选举' });
    await proposal.getByText(`${title}：当选并已使用小程序的业主`).waitFor();
    for (const n of names) await proposal.getByText(new RegExp(`^${n}（`)).waitFor();
    await desk.getByRole('button', { name: '按选举结果录入' }).click();
    const form = desk.locator('form.wyt-committee__form');
    await desk.getByText(`按选举结果录入：${title}`).waitFor();
    const today = beijingDay(now);
    await form.getByLabel('任期开始').fill(addDays(today, -3));
    await form.getByLabel('任期结束').fill(addDays(today, 365 * 3));
    await form.getByLabel('备案日期').fill(today);
    await form.getByLabel('备案回执').setInputFiles({
      name: '备案回执.jpg',
      mimeType: 'image/jpeg',
      buffer: await phonePhoto({ width: 320, height: 240 }),
    });
    await form.getByLabel(`${director}的职务`).selectOption({ label: '主任' });
    await form.getByLabel(`${deputy}的职务`).selectOption({ label: '副主任' });
    await form.getByRole('checkbox', { name: new RegExp(`^${declined}（`) }).uncheck(); // declined the seat
    await axe(desk, 'committee drawer from election');
    await stack.shot(desk, '122-console-committee-election-drawer');
    await form.getByRole('button', { name: '确认录入' }).click();

    const term = desk.getByRole('region', { name: '本届业委会' });
    await term.getByRole('cell', { name: director, exact: true }).waitFor();
    await expect(term.getByRole('row').filter({ hasText: director }).innerText()).resolves.toContain('主任');
    await expect(term.getByRole('row').filter({ hasText: deputy }).innerText()).resolves.toContain('副主任');
    expect(await term.getByRole('cell', { name: declined, exact: true }).count()).toBe(0);
    await term.getByText('选举产生').waitFor();
    await term.getByText(`${addDays(today, -3)} 至 ${addDays(today, 365 * 3)}`).waitFor();
    await proposal.getByText('没有待录入的选举结果').waitFor();
    const saved = await stack.h.db.committeeTerm.findFirstOrThrow({
      where: { communityId, endedAt: null },
      include: { members: true },
    });
    expect(saved).toMatchObject({ filedOn: today, startsOn: addDays(today, -3) });
    expect(saved.electionId).not.toBeNull();
    expect(saved.receiptUploadId).toBeTruthy();
    expect(saved.members).toHaveLength(2);
    await axe(desk, 'committee entered from election');
    await stack.shot(desk, '123-console-committee-election');
  });
});
