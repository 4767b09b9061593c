import { describe, expect, it } from 'vitest';
import { useHarness } from './support/use-harness.js';
import { staff } from './support/actors.js';
import {
  addRosterOwner,
  confirmRoster,
  DAY,
  draftElection,
  electionSite,
  NOTICE_PERIOD,
  openElection,
} from './support/factories/index.js';
import { ManualClock } from '../bff/src/clock.js';

/**
 * The independent review of the elections work (2026-12-02), findings 8–17 (1–6 in
 * elections-review.test.ts): each finding with its test. Community of
 * electionSite: 101 … 601 of 80.15 m², 601 the developer's; ownerA and coOwner share 101, multi owns
 * 201–401 (one key), ownerE owns 501.
 */
const clock = new ManualClock(new Date('2026-04-06T01:00:00Z'));
const YEAR = String(365 * 86_400);
const h = useHarness({ clock, env: { SESSION_TTL_SECONDS: YEAR, SESSION_MAX_AGE_SECONDS: YEAR } });

describe('review 8: the committee reviews and confirms the roster before opening', () => {
  it('shows each unit with its voters (masked, and how they came); opening needs a confirmation, which a correction clears', async () => {
    const { A, committee, ownerA } = await electionSite(h);
    const manager = await staff(h, 'MANAGER', { id: A.community.id, companyId: A.companyId });
    const { id } = await draftElection(h, committee, A.community.id);
    const step = (name: string) => committee.call('POST', `/api/committee/elections/${id}/steps/${name}`);
    expect((await step('publish')).status).toBe(200);
    const roster = (await committee.call('GET', `/api/committee/elections/${id}/roster`)).body;
    expect(roster.confirmedAt).toBeNull();
    const u101 = roster.units.find((u: any) => u.unit === '1号楼 101');
    expect(u101.voters).toHaveLength(2); // ownerA and coOwner
    expect(u101.voters.every((v: any) => v.source === 'RECORD' && !v.phone.includes(ownerA.phone.slice(-8, -4)))).toBe(
      true,
    );
    const slots = roster.units.map((u: any) => u.slot);
    expect(slots[1]).toBe(slots[2]); // 201 and 301: one owner, one slot
    expect(roster.units.find((u: any) => u.unit === '1号楼 601')).toMatchObject({ developerHeld: true, voters: [] });
    expect((await manager.call('GET', `/api/committee/elections/${id}/roster`)).status).toBe(404);

    clock.advance(NOTICE_PERIOD);
    expect(await step('open')).toMatchObject({ status: 409, body: { code: 'ROSTER_NOT_CONFIRMED' } });
    expect((await manager.call('POST', `/api/committee/elections/${id}/roster/confirmation`)).status).toBe(404);
    await confirmRoster(committee, id);
    const correction = {
      area: '90.50',
      areaSource: 'SURVEYED',
      developerHeld: false,
      reason: '产权证未登记，按实测面积',
    };
    expect(
      (await committee.call('PUT', `/api/committee/elections/${id}/roster/${A.units[4]!.id}`, { body: correction }))
        .status,
    ).toBe(200);
    expect((await step('open')).body.code).toBe('ROSTER_NOT_CONFIRMED'); // the correction needs a new look
    await confirmRoster(committee, id);
    expect((await step('open')).body.state).toBe('OPEN');
    const { events } = (await committee.call('GET', `/api/committee/elections/${id}`)).body;
    expect(events.filter((e: any) => e.action === 'ROSTER_CONFIRMED')).toHaveLength(2);
  });
});

describe('review 10: owner keys survive a rotation of the WeChat AppSecret', () => {
  it('a buyer of several units whose last unit is corrected after the secret rotated is still one head', async () => {
    const { A, committee, multi } = await electionSite(h);
    await addRosterOwner(h.db, A.units[5]!.id, multi.phone, '王多房'); // multi also bought 601
    const { id } = await draftElection(h, committee, A.community.id);
    expect((await committee.call('POST', `/api/committee/elections/${id}/steps/publish`)).status).toBe(200);
    const secret = h.deps.config.wechat.secret;
    (h.deps.config.wechat as { secret: string }).secret = `${secret}-rotated`;
    try {
      const correction = {
        area: '80.15',
        areaSource: 'REGISTERED',
        developerHeld: false,
        reason: '已交付王先生，名册更正',
      };
      expect(
        (await committee.call('PUT', `/api/committee/elections/${id}/roster/${A.units[5]!.id}`, { body: correction }))
          .status,
      ).toBe(200);
    } finally {
      (h.deps.config.wechat as { secret: string }).secret = secret;
    }
    expect((await multi.call('GET', `/api/elections/${id}`)).body.slots).toEqual([
      expect.objectContaining({ units: ['1号楼 201', '1号楼 301', '1号楼 401', '1号楼 601'] }),
    ]);
  });
});

describe('review 9: withdrawing the 【公示】 stops the notice period', () => {
  it('opening waits for a new publication, from which the 15 days start again; edits and withdrawals are election events', async () => {
    const { A, committee } = await electionSite(h);
    const { id } = await draftElection(h, committee, A.community.id, { closesInDays: 60 });
    const step = (name: string) => committee.call('POST', `/api/committee/elections/${id}/steps/${name}`);
    expect((await step('publish')).status).toBe(200);
    const notice = await h.db.notice.findFirstOrThrow({ where: { committeeElectionId: id } });
    const edited = await committee.call('PUT', `/api/committee/notices/${notice.id}`, {
      body: { title: '【公示】第三届业主委员会选举（更正）', body: '<p>更正</p>', version: 1 },
    });
    expect(edited.status).toBe(200);
    clock.advance(10 * DAY);
    const withdrawn = await committee.call('POST', `/api/committee/notices/${notice.id}/withdraw`, {
      body: { reason: '候选人资料有误，重新公示' },
    });
    expect(withdrawn.status).toBe(200);
    clock.advance(5 * DAY); // 15 days after the first publication
    await confirmRoster(committee, id);
    expect(await step('open')).toMatchObject({ status: 409, body: { code: 'NOTICE_PERIOD' } });
    const again = await step('publish');
    expect(again.body.earliestOpenAt).toBe(new Date(clock.now().getTime() + NOTICE_PERIOD).toISOString());
    expect(await h.db.notice.count({ where: { committeeElectionId: id, status: 'PUBLISHED' } })).toBe(1);
    clock.advance(NOTICE_PERIOD - 60_000);
    expect((await step('open')).body.code).toBe('NOTICE_PERIOD');
    clock.advance(60_000);
    expect((await step('open')).body.state).toBe('OPEN');
    const actions = (await committee.call('GET', `/api/committee/elections/${id}`)).body.events.map(
      (e: any) => e.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['NOTICE_EDITED', 'NOTICE_WITHDRAWN', 'REPUBLISHED']));
  });
});

describe('review 15: the weekly reminder limit holds across two elections at once', () => {
  it('a reminder of a second election of the community waits for the first and finds the owner cooling down', async () => {
    const { A, committee, ownerE } = await electionSite(h);
    const CLOSING = 'T_ELECTION_CLOSING_01';
    for (let i = 0; i < 2; i++)
      await ownerE.call('POST', '/api/push/subscriptions', { body: { results: { [CLOSING]: 'accept' } } });
    await h.sim('/sim/subscribe/accept', { openid: ownerE.openid, templateId: CLOSING, times: 2 });
    const first = await openElection(h, committee, A.community.id, { title: '第三届业主委员会选举' });
    const second = await openElection(h, committee, A.community.id, { title: '选聘物业服务企业表决' });
    let entered!: () => void;
    let release!: () => void;
    const inFlight = new Promise<void>((r) => (entered = r));
    const gate = new Promise<void>((r) => (release = r));
    h.deps.hooks = {
      afterReminderLock: async (electionId) => {
        if (electionId !== first.id) return;
        entered();
        await gate;
      },
    };
    try {
      const remind = (id: string) => committee.call('POST', `/api/committee/elections/${id}/reminders`);
      const a = remind(first.id);
      await inFlight;
      let bDone = false;
      const b = remind(second.id).then((r) => ((bDone = true), r));
      await new Promise((r) => setTimeout(r, 300));
      expect(bDone).toBe(false); // waits for the community's lock
      release();
      expect((await a).body).toMatchObject({ pushed: 1 });
      expect((await b).body).toMatchObject({ pushed: 0, coolingDown: 1 });
    } finally {
      h.deps.hooks = {};
    }
  });
});

describe('review 17: committee roles are community-scoped', () => {
  it('a company-wide COMMITTEE_MEMBER row grants no committee power anywhere', async () => {
    const { A, committee } = await electionSite(h);
    const companyWide = await staff(h, 'COMMITTEE_MEMBER', { companyId: A.companyId, id: null });
    const { id } = await draftElection(h, committee, A.community.id);
    expect((await companyWide.call('GET', `/api/committee/communities/${A.community.id}/elections`)).status).toBe(404);
    expect((await companyWide.call('GET', `/api/committee/elections/${id}`)).status).toBe(404);
    expect((await companyWide.call('POST', `/api/committee/elections/${id}/steps/publish`)).status).toBe(404);
    expect((await committee.call('GET', `/api/committee/elections/${id}`)).status).toBe(200);
  });
});

describe('review 14: a draft published weeks later keeps its voting period', () => {
  it('the committee moves a draft’s deadline before publishing; not after', async () => {
    const { A, committee } = await electionSite(h);
    const { id } = await draftElection(h, committee, A.community.id); // closes 30 days from now
    clock.advance(20 * DAY); // the draft waited: 10 days left, less than the notice period
    const step = (name: string) => committee.call('POST', `/api/committee/elections/${id}/steps/${name}`);
    expect((await step('publish')).status).toBe(400); // 请修改截止时间
    const closesAt = new Date(clock.now().getTime() + 30 * DAY).toISOString();
    const set = await committee.call('PUT', `/api/committee/elections/${id}/deadline`, { body: { closesAt } });
    expect(set.body).toMatchObject({ closesAt });
    expect((await step('publish')).status).toBe(200);
    const late = await committee.call('PUT', `/api/committee/elections/${id}/deadline`, {
      body: { closesAt: new Date(clock.now().getTime() + 40 * DAY).toISOString() },
    });
    expect(late.status).toBe(409);
    const { events } = (await committee.call('GET', `/api/committee/elections/${id}`)).body;
    expect(events.map((e: any) => e.action)).toContain('DEADLINE_SET');
  });
});
