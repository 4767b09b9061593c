import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { tapButton, useBrowserStack } from './browser.js';
import { axeFindings } from './console-kit.js';
import { makeUser } from '../support/factories/index.js';
import { TEST_APPID } from '../support/harness.js';

/**
 * 工作邀请 on the phone (#27, docs/import.md §Starting a company): the invitee opens the invitation's
 * link, sees who invites them to what and accepts; an invitation for another number is refused in plain
 * Chinese, exactly as one that does not exist. axe on each, screenshots.
 */
const stack = useBrowserStack();
const PAGE = 'packages/staff/invitation/index';

const newToken = () =>
  randomBytes(24)
    .toString('base64')
    .replace(/[^0-9A-Za-z]/g, 'x')
    .slice(0, 32);

type Made = { role?: 'CASHIER' | 'COMPANY_ADMIN'; createdById?: string; revokedById?: string };

/** An invitation as `npm run admin` (or, with `createdById`, the console) makes it: only the token's hash is stored. */
async function invite(phone: string, communityName: string | null, made: Made = {}) {
  const token = newToken();
  const community = communityName
    ? await stack.h.db.community.findFirstOrThrow({ where: { name: communityName } })
    : null;
  const company = await stack.h.db.propertyCompany.findFirstOrThrow();
  await stack.h.db.invitation.create({
    data: {
      companyId: community?.companyId ?? company.id,
      communityId: community?.id ?? null,
      role: made.role ?? 'CASHIER',
      phone,
      createdById: made.createdById ?? null,
      revokedAt: made.revokedById ? new Date() : null,
      revokedById: made.revokedById ?? null,
      tokenHash: createHash('sha256').update(token).digest('hex'),
      createdAt: new Date(),
      expiresAt: new Date(Date.now() + 7 * 86_400_000),
    },
  });
  return token;
}

async function openInvitation(page: Page, token: string) {
  await page.goto(`${stack.url}/#/${PAGE}?scene=${token}`);
  await page.reload();
}

const axe = async (page: Page, screen: string) => expect(await axeFindings(page, screen)).toEqual([]);

describe('工作邀请', { timeout: 120_000 }, () => {
  it('the invitee sees who invites them to what and accepts; another number finds no invitation', async () => {
    const owner = await stack.h.db.user.findFirstOrThrow({ where: { identities: { some: { openid: 'demo-owner' } } } });
    const page = await stack.newPage();
    await stack.devLogin(page, '业主（已绑定 梧桐苑1号楼101）');
    await page.getByTestId('home').waitFor();

    const token = await invite(owner.phone!, '银杏花园');
    await openInvitation(page, token);
    const card = page.getByTestId('invitation');
    await card.getByText('邀请你加入').waitFor();
    await card.getByText('银杏花园').waitFor();
    await card.getByText('收银员').first().waitFor();
    await axe(page, 'invitation');
    await stack.shot(page, '110-invitation');
    await tapButton(page, '接受邀请');
    await page.getByTestId('invitation-accepted').getByText('已接受邀请').waitFor();
    await axe(page, 'invitation accepted');
    await stack.shot(page, '111-invitation-accepted');
    const role = await stack.h.db.staffRole.findFirst({ where: { userId: owner.id, role: 'CASHIER' } });
    expect(role).not.toBeNull();

    // Opened again: already used, said so.
    await openInvitation(page, token);
    await page.getByTestId('invitation-used').getByText('这个邀请已经用过了').waitFor();

    // An invitation for another number: nothing about it shows.
    const theirs = await invite('+8613000000017', '梧桐苑');
    await openInvitation(page, theirs);
    await page.getByTestId('invitation-notYours').getByText('没有找到给你的邀请').waitFor();
    expect(await page.getByTestId('invitation-notYours').getByText('梧桐苑').count()).toBe(0);
    await axe(page, 'invitation not yours');
    await stack.shot(page, '112-invitation-not-yours');
  });

  it('a new company admin waits for a second admin; a withdrawn invitation says so', async () => {
    const owner = await stack.h.db.user.findFirstOrThrow({ where: { identities: { some: { openid: 'demo-owner' } } } });
    const inviter = await stack.h.db.staffRole.findFirstOrThrow({ where: { role: 'COMPANY_ADMIN' } });
    const page = await stack.newPage();
    await stack.devLogin(page, '业主（已绑定 梧桐苑1号楼101）');
    await page.getByTestId('home').waitFor();

    // Made in the console by one admin: it waits for another's confirmation, and cannot be accepted yet.
    const token = await invite(owner.phone!, null, { role: 'COMPANY_ADMIN', createdById: inviter.userId });
    await openInvitation(page, token);
    const waiting = page.getByTestId('invitation-awaitingConfirmation');
    await waiting.getByText('等待另一位管理员确认').waitFor();
    await page.getByTestId('invitation').getByText('物业公司管理员').first().waitFor();
    expect(await page.getByText('接受邀请', { exact: true }).count()).toBe(0);
    await axe(page, 'invitation awaiting confirmation');
    await stack.shot(page, '113-invitation-awaiting-confirmation');

    // A second admin confirms meanwhile (docs/roles.md): looking again offers to accept.
    const second = await makeUser(stack.h.db, TEST_APPID);
    await stack.h.db.invitation.updateMany({
      where: { phone: owner.phone!, role: 'COMPANY_ADMIN', confirmedAt: null },
      data: { confirmedAt: new Date(), confirmedById: second.id },
    });
    await tapButton(page, '重新查看');
    await page.getByText('接受邀请', { exact: true }).waitFor();
    expect(await waiting.count()).toBe(0);

    // Withdrawn before it was accepted: said so, and nothing to accept.
    const withdrawn = await invite(owner.phone!, '银杏花园', { revokedById: inviter.userId });
    await openInvitation(page, withdrawn);
    await page.getByTestId('invitation-revoked').getByText('邀请已被撤回').waitFor();
    await axe(page, 'invitation revoked');
    await stack.shot(page, '114-invitation-revoked');
  });
});
