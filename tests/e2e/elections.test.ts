import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chooseFile, tapButton, useBrowserStack } from './browser.js';
import { multipart, phonePhoto } from '../support/images.js';

/**
 * 业委会选举 in the H5 build: the committee creates an election with candidates, publishes and opens it;
 * three owners vote on their phones; the paper ballots collected door to door are entered; the
 * committee closes, tallies and publishes; the owners see the results.
 */
const stack = useBrowserStack();
const CANDIDATES = [
  { name: '陈立新', age: '52', occupation: '退休教师' },
  { name: '周海燕', age: '44', occupation: '会计' },
  { name: '吴建华', age: '61', occupation: '工程师' },
  { name: '郑小明', age: '38', occupation: '律师' },
];

async function confirmDialog(page: Page, label: string) {
  await page.locator('.nut-button', { hasText: label }).first().click();
  await page.getByText('确定', { exact: true }).last().click();
}

async function voteAs(label: string, names: string[], shot?: string) {
  const page = await stack.newPage();
  await stack.devLogin(page, label);
  await page.getByText('投票', { exact: true }).click();
  await page.getByTestId('vote-row').first().click();
  for (const n of names) await page.getByTestId('vote-choice').filter({ hasText: n }).click();
  if (shot) await stack.shot(page, shot);
  await page.locator('.nut-button', { hasText: `提交选票（已选 ${names.length}/3）` }).click();
  await page.getByText('提交', { exact: true }).last().click();
  await page
    .getByTestId('vote-receipt')
    .getByText(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/)
    .waitFor();
  return page;
}

describe('业委会选举', { timeout: 180_000 }, () => {
  it('the committee opens an election, three owners vote, the committee closes, tallies and publishes, owners see the results', async () => {
    const community = await stack.h.db.community.findFirstOrThrow({ where: { name: '梧桐苑' } });
    // The third voter: an owner on the roster whose binding is verified.
    const unbound = await stack.h.db.user.findFirstOrThrow({
      where: { identities: { some: { openid: 'demo-owner-unbound' } } },
    });
    const entry = await stack.h.db.ownerRosterEntry.findFirstOrThrow({
      where: { phone: unbound.phone!, unit: { communityId: community.id } },
    });
    await stack.h.db.unitMembership.create({
      data: {
        userId: unbound.id,
        unitId: entry.unitId,
        relation: 'OWNER',
        status: 'VERIFIED',
        autoApproved: true,
        decidedAt: new Date(),
      },
    });

    const committee = await stack.newPage();
    await stack.devLogin(committee, '业委会委员 · 梧桐苑');
    await committee.getByTestId('home').waitFor();
    await committee.goto(`${stack.url}/#/packages/committee/elections/index?communityId=${community.id}`);
    await committee.locator('[data-testid="election-title"] input').fill('第三届业主委员会选举');
    await tapButton(committee, '创建草稿');
    const form = committee.getByTestId('candidate-form');
    for (const c of CANDIDATES) {
      await form.locator('[data-testid="candidate-name"] input').fill(c.name);
      await form.locator('[data-testid="candidate-age"] input').fill(c.age);
      await form.locator('[data-testid="candidate-occupation"] input').fill(c.occupation);
      await tapButton(committee, '添加');
      await committee.getByTestId('candidates').getByText(c.name, { exact: true }).waitFor();
    }
    await stack.shot(committee, '65-committee-election-draft');
    await confirmDialog(committee, '公示候选人和业主名册');
    await committee.getByTestId('earliest-open').waitFor(); // 15 days' notice before the vote may open
    await stack.shot(committee, '65b-committee-election-notice-period');
    // This stack has no clock to move: the publication is dated back over the notice period.
    const published = await stack.h.db.election.findFirstOrThrow({
      where: { communityId: community.id, title: '第三届业主委员会选举' },
    });
    await stack.h.db.election.update({
      where: { id: published.id },
      data: { publishedAt: new Date(published.publishedAt!.getTime() - 15 * 86_400_000) },
    });
    await committee.reload();
    // Someone the register does not know (an heir of 5号楼 1001, say): the committee admits them with a
    // photo of the evidence (review finding 7).
    const admit = committee.getByTestId('admit-voter');
    await admit.getByText('5号楼 1001', { exact: true }).click();
    await admit.locator('[data-testid="admit-phone"] input').fill('13912340077');
    await admit.locator('[data-testid="admit-reason"] input').fill('原业主去世，继承人凭继承公证书参加表决');
    await chooseFile(committee, '拍摄证明材料', 'heir.jpg', await phonePhoto({ width: 160, height: 120, gps: false }));
    await admit.getByText('✓ 已拍照（重拍）').waitFor();
    await tapButton(committee, '确认投票人');
    await committee.getByText('确认投票人', { exact: true }).first().waitFor();
    // The committee confirms the posted roster and its voters (review finding 8).
    await confirmDialog(committee, '确认业主名册');
    await committee
      .getByTestId('roster-confirm')
      .getByText(/业主名册已于/)
      .waitFor();
    await committee.locator('.nut-button', { hasText: '开始投票' }).waitFor();
    await confirmDialog(committee, '开始投票');
    await committee.getByTestId('turnout').waitFor();
    // A wrong committee notice is withdrawn from the vote's page by the committee (property staff cannot).
    const notices = committee.getByTestId('committee-notices');
    await notices.locator('[data-testid="withdraw-reason"] input').fill('开始时间写错，重新发布');
    await notices.locator('.nut-cell', { hasText: '【投票开始】' }).locator('.nut-button', { hasText: '撤回' }).click();
    await committee.getByText('确定', { exact: true }).last().click();
    await notices.locator('.nut-cell', { hasText: '【投票开始】' }).getByText('已撤回').waitFor();

    const owner = await voteAs('业主（已绑定 梧桐苑1号楼101）', ['陈立新', '周海燕'], '66-owner-ballot');
    await stack.shot(owner, '67-owner-receipt');
    await voteAs('业委会委员 · 梧桐苑', ['陈立新', '吴建华']);
    await voteAs('业主（在花名册，未绑定）', ['陈立新', '周海燕', '郑小明']);

    // The paper ballots the committee collected door to door, each entered with a photo of the signed paper.
    const token = await stack.h.loginAs('demo-committee');
    const election = await stack.h.db.election.findFirstOrThrow({
      where: { communityId: community.id, title: '第三届业主委员会选举' },
      include: { candidates: true },
    });
    const id = (name: string) => election.candidates.find((c) => c.name === name)!.id;
    const paperPhoto = async () => {
      const { body, contentType } = multipart(await phonePhoto({ width: 160, height: 120, gps: false }));
      return (
        await stack.h.call('POST', '/api/uploads', { token, raw: body, headers: { 'content-type': contentType } })
      ).body.id as string;
    };
    const voted = new Set(
      (await stack.h.db.ballot.findMany({ where: { electionId: election.id } })).map((b) => b.ownerKey),
    );
    const slots = new Map<string, string>();
    for (const r of await stack.h.db.electionRosterEntry.findMany({
      where: { electionId: election.id },
      orderBy: { unitLabel: 'asc' },
    }))
      if (!voted.has(r.ownerKey) && !slots.has(r.ownerKey)) slots.set(r.ownerKey, r.unitId);
    const paper = [...slots.values()].slice(0, Math.ceil(slots.size * 0.8));
    for (const [i, unitId] of paper.entries()) {
      const choices =
        i % 5 === 4
          ? [id('郑小明')]
          : i % 6 === 0
            ? [id('陈立新'), id('吴建华')]
            : [id('陈立新'), id('周海燕'), id('吴建华')];
      const res = await stack.h.call('POST', `/api/committee/elections/${election.id}/paper-ballots`, {
        token,
        body: { unitId, channel: 'PAPER', choices, evidenceUploadId: await paperPhoto() },
      });
      expect(res.status).toBe(201);
    }

    await committee.reload();
    await committee
      .getByTestId('turnout')
      .getByText(/已达到法定参与比例/)
      .waitFor();
    await stack.shot(committee, '68-committee-turnout');
    // The committee closes at the announced deadline, not before (review finding 4): the stack has no
    // clock to move, so the deadline is moved to now.
    await stack.h.db.election.update({
      where: { id: election.id },
      data: { closesAt: new Date(Date.now() - 1000) },
    });
    await confirmDialog(committee, '结束投票');
    await committee.locator('.nut-button', { hasText: '计票' }).waitFor();
    await confirmDialog(committee, '计票');
    await committee.getByTestId('election-results').waitFor();
    await confirmDialog(committee, '公布结果');
    await committee.locator('.nut-button', { hasText: '归档' }).waitFor();
    const result = (await stack.h.db.election.findUniqueOrThrow({ where: { id: election.id } })).result as {
      elected: string[];
      quorum: boolean;
    };
    expect(result.quorum).toBe(true);
    expect(result.elected).toEqual([id('陈立新'), id('吴建华'), id('周海燕')]);

    const resident = await stack.newPage();
    await stack.devLogin(resident, '业主（已绑定 梧桐苑1号楼101）');
    await resident.getByText('投票', { exact: true }).click();
    await resident.getByTestId('vote-row').first().click();
    const results = resident.getByTestId('election-results');
    await results.locator('.nut-cell', { hasText: '当选' }).getByText('陈立新、吴建华、周海燕').waitFor();
    await stack.shot(resident, '69-owner-results');
  });
});
