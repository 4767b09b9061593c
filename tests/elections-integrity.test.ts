import { describe, expect, it } from 'vitest';
import { useHarness } from './support/use-harness.js';
import { staff, type Actor } from './support/actors.js';
import {
  addRosterOwner,
  atDeadline,
  confirmRoster,
  DAY,
  deliverUnits,
  draftElection,
  electionSite,
  makeCommunity,
  makeUser,
  NOTICE_PERIOD,
  openElection,
  publishAndOpen,
  uniquePhone,
} from './support/factories/index.js';
import { multipart, phonePhoto } from './support/images.js';
import { TEST_APPID } from './support/harness.js';
import { ManualClock } from '../bff/src/clock.js';

/**
 * Issue 25 (elections): who may vote is frozen with the roster, never decided by property staff; one
 * key per owner whatever path made the roster entry; the 15-day notice before opening; the export only
 * after closing; close and cast serialised on the election. Community of electionSite: 101 … 601 of
 * 80.15 m², 601 the developer's; ownerA and coOwner share 101, multi owns 201–401, ownerE owns 501.
 */
const clock = new ManualClock(new Date('2026-03-02T01:00:00Z'));
const YEAR = String(365 * 86_400);
const h = useHarness({ clock, env: { SESSION_TTL_SECONDS: YEAR, SESSION_MAX_AGE_SECONDS: YEAR } });

const vote = (who: Pick<Actor, 'call'>, choices: string[], id: string, ownerKey?: string) =>
  who.call('POST', `/api/elections/${id}/ballots`, { body: { choices, ...(ownerKey ? { ownerKey } : {}) } });
const uploadPhoto = async (who: Actor) => {
  const { body, contentType } = multipart(await phonePhoto({ width: 300, height: 200 }));
  return (await who.call('POST', '/api/uploads', { raw: body, headers: { 'content-type': contentType } })).body
    .id as string;
};

/** Someone with a verified phone who asks to be bound to `unit` as its owner (not on the owner roster: pending). */
async function claimant(unit: { id: string }) {
  const user = await makeUser(h.db, TEST_APPID);
  const token = await h.loginAs(user.openid);
  const national = uniquePhone();
  await h.bindPhone(token, national);
  const asked = await h.call('POST', '/api/units/bind-requests', {
    token,
    body: { unitId: unit.id, relation: 'OWNER' },
  });
  expect(asked.body.status).toBe('PENDING');
  return {
    national,
    requestId: asked.body.id as string,
    call: (method: string, path: string, opts: Parameters<typeof h.call>[2] = {}) =>
      h.call(method, path, { ...opts, token }),
  };
}

describe('who may vote is frozen with the roster (item 1)', () => {
  it('a membership approved after opening cannot vote; the owner of record still can; only the committee admits a late owner', async () => {
    const { A, committee, ownerA, ownerE } = await electionSite(h);
    const manager = await staff(h, 'MANAGER', { id: A.community.id, companyId: A.companyId });
    const buyer = await claimant(A.units[4]!); // says they bought 501
    const { id, ids } = await openElection(h, committee, A.community.id);
    // The property manager verifies them as OWNER of 501 while voting is open.
    const approved = await manager.call('POST', `/api/staff/bind-requests/${buyer.requestId}/decision`, {
      body: { decision: 'approve' },
    });
    expect(approved.status).toBe(200);
    expect((await vote(buyer, ids('张三'), id)).body.code).toBe('NOT_AN_OWNER');
    expect((await vote(ownerE, ids('李四'), id)).status).toBe(201); // 501's owner of record

    // 101's owner of record died; the heir (a new phone) is admitted by the committee, with a reason and evidence.
    const heir = await claimant(A.units[0]!);
    const evidence = await uploadPhoto(committee);
    const admit = (who: Actor) =>
      who.call('POST', `/api/committee/elections/${id}/voters`, {
        body: {
          unitId: A.units[0]!.id,
          kind: 'SUCCESSOR',
          phone: heir.national,
          reason: '原业主去世，继承人凭继承公证书参加表决',
          evidenceUploadId: evidence,
        },
      });
    expect((await admit(manager)).status).toBe(404); // property staff never decide who votes
    expect((await admit(committee)).status).toBe(201);
    expect((await vote(heir, ids('王五'), id)).status).toBe(201); // 101's slot
    expect((await vote(ownerA, ids('张三'), id)).body.code).toBe('ALREADY_VOTED');
    const { events } = (await committee.call('GET', `/api/committee/elections/${id}`)).body;
    expect(events.map((e: { action: string }) => e.action)).toContain('VOTER_ADMITTED');
  });
});

describe('one key per owner, whatever path made the roster entry (item 3)', () => {
  it('a buyer of several units whose last unit the committee corrects from developer-held is still one head', async () => {
    const { A, committee, multi } = await electionSite(h);
    await addRosterOwner(h.db, A.units[5]!.id, multi.phone!, '王多房'); // multi also bought 601, not yet delivered in the register
    const { id } = await draftElection(h, committee, A.community.id);
    const opened = await publishAndOpen(h, committee, id, {
      [A.units[5]!.id]: {
        area: '80.15',
        areaSource: 'REGISTERED',
        developerHeld: false,
        reason: '已交付王先生，名册更正',
      },
    });
    // 101; 201–401 and 601 (one buyer); 501. No developer any more.
    expect(opened.body.turnout).toMatchObject({ totalHeads: 3, totalArea: '480.90' });
    const seen = (await multi.call('GET', `/api/elections/${id}`)).body;
    expect(seen.slots).toHaveLength(1);
  });

  it("a co-owner's ballot never carries the area of a part they do not co-own: one part alone and another jointly are two slots", async () => {
    const { A, committee, ownerA, coOwner } = await electionSite(h);
    // ownerA also owns 601 alone (delivered); 101 they own jointly with coOwner.
    await addRosterOwner(h.db, A.units[5]!.id, ownerA.phone!, '业主');
    await deliverUnits(h, [A.units[5]!.id]);
    await h.call('POST', '/api/units/bind-requests', {
      token: ownerA.token,
      body: { unitId: A.units[5]!.id, relation: 'OWNER' },
    });
    const { id, ids } = await openElection(h, committee, A.community.id);
    const mine = (await ownerA.call('GET', `/api/elections/${id}`)).body.slots as {
      ownerKey: string;
      units: string[];
    }[];
    expect(mine.map((s) => s.units)).toEqual([['1号楼 101'], ['1号楼 601']]);
    expect((await coOwner.call('GET', `/api/elections/${id}`)).body.slots).toEqual([
      expect.objectContaining({ units: ['1号楼 101'] }),
    ]);
    expect((await vote(coOwner, ids('张三'), id)).status).toBe(201); // 101's slot, 80.15 m² only
    expect((await vote(ownerA, ids('李四'), id, mine[1]!.ownerKey)).status).toBe(201); // 601, their own
    const step = (name: string) => committee.call('POST', `/api/committee/elections/${id}/steps/${name}`);
    await atDeadline(h, id);
    await step('close');
    const { result } = (await step('tally')).body;
    expect(result.totalHeads).toBe(4); // 101 (joint); 201–401; 501; 601 (ownerA alone); no developer
    expect(result.candidates[ids('张三')[0]!]).toMatchObject({ area: '80.15', heads: 1 });
    expect(result.candidates[ids('李四')[0]!]).toMatchObject({ area: '80.15', heads: 1 });
  });
});

describe('notice period (item 5)', () => {
  it('opening needs 15 days after publication, shown as the earliest opening time; the rules may ask more, never less', async () => {
    const { A, committee } = await electionSite(h);
    const { id } = await draftElection(h, committee, A.community.id);
    const step = (name: string) => committee.call('POST', `/api/committee/elections/${id}/steps/${name}`);
    const published = await step('publish');
    const earliest = new Date(clock.now().getTime() + NOTICE_PERIOD).toISOString();
    expect(published.body.earliestOpenAt).toBe(earliest);
    expect(await step('open')).toMatchObject({ status: 409, body: { code: 'NOTICE_PERIOD' } }); // the same minute
    clock.advance(NOTICE_PERIOD - 60_000);
    expect((await step('open')).body.code).toBe('NOTICE_PERIOD');
    clock.advance(60_000);
    await confirmRoster(committee, id);
    expect((await step('open')).body.state).toBe('OPEN');

    const create = (body: object) =>
      committee.call('POST', `/api/committee/communities/${A.community.id}/elections`, {
        body: {
          title: '选聘物业服务企业',
          kind: 'MATTER',
          closesAt: new Date(clock.now().getTime() + 40 * DAY).toISOString(),
          ...body,
        },
      });
    expect((await create({ noticeDays: 14 })).status).toBe(400);
    const longer = await create({ noticeDays: 20 });
    const run = (name: string) => committee.call('POST', `/api/committee/elections/${longer.body.id}/steps/${name}`);
    expect((await run('publish')).body.earliestOpenAt).toBe(new Date(clock.now().getTime() + 20 * DAY).toISOString());
    clock.advance(NOTICE_PERIOD);
    expect((await run('open')).body.code).toBe('NOTICE_PERIOD');
    // A vote closing before it could open is refused at publication.
    const tooSoon = await create({ closesAt: new Date(clock.now().getTime() + 10 * DAY).toISOString() });
    expect((await committee.call('POST', `/api/committee/elections/${tooSoon.body.id}/steps/publish`)).status).toBe(
      400,
    );
  });
});

describe('the export while voting is open (item 6)', () => {
  it('only turnout while open; every ballot in the export after closing', async () => {
    const { A, committee, ownerA } = await electionSite(h);
    const { id, ids } = await openElection(h, committee, A.community.id);
    expect((await vote(ownerA, ids('张三'), id)).status).toBe(201);
    const early = await committee.call('GET', `/api/committee/elections/${id}/export`);
    expect(early).toMatchObject({ status: 409, body: { code: 'ELECTION_NOT_CLOSED' } });
    const { turnout } = (await committee.call('GET', `/api/committee/elections/${id}`)).body;
    expect(turnout).toMatchObject({ participatingHeads: 1, ballots: 1 });
    await atDeadline(h, id);
    await committee.call('POST', `/api/committee/elections/${id}/steps/close`);
    const late = await committee.call('GET', `/api/committee/elections/${id}/export`);
    expect(late.status).toBe(200);
    expect(late.body.ballots).toHaveLength(1);
  });
});

describe('close and cast serialise on the election (item 7)', () => {
  it('a ballot that passed the open check before the deadline: closing waits for it, and counts it', async () => {
    const { A, committee, ownerA } = await electionSite(h);
    const { id, ids } = await openElection(h, committee, A.community.id);
    // Hold one cast in flight right after its "still open" check (deps.hooks, tests only).
    let entered!: () => void;
    let release!: () => void;
    const inFlight = new Promise<void>((r) => (entered = r));
    const gate = new Promise<void>((r) => (release = r));
    h.deps.hooks = {
      afterOpenCheck: async () => {
        entered();
        await gate;
      },
    };
    const cast = vote(ownerA, ids('张三'), id);
    await inFlight;
    h.deps.hooks = {};
    await atDeadline(h, id);
    let closedYet = false;
    const closing = committee.call('POST', `/api/committee/elections/${id}/steps/close`).then((r) => {
      closedYet = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(closedYet).toBe(false); // waiting on the ballot's share lock
    release();
    expect((await cast).status).toBe(201);
    expect((await closing).status).toBe(200);
    const closed = await h.db.electionEvent.findFirstOrThrow({ where: { electionId: id, action: 'CLOSED' } });
    expect(closed.detail).toBe('1 张选票');
    const { result } = (await committee.call('POST', `/api/committee/elections/${id}/steps/tally`)).body;
    expect(result.participatingHeads).toBe(1);
  });

  it('publication posts the candidates as they are when it commits, even with additions racing it', async () => {
    const { A, committee } = await electionSite(h);
    const { id } = await draftElection(h, committee, A.community.id);
    await Promise.all([
      committee.call('POST', `/api/committee/elections/${id}/steps/publish`),
      ...['钱七', '孙八', '周九', '吴十'].map((name) =>
        committee.call('POST', `/api/committee/elections/${id}/candidates`, {
          body: { name, sex: '女', age: 50, affiliation: '群众', occupation: '退休' },
        }),
      ),
    ]);
    const candidates = await h.db.electionCandidate.findMany({ where: { electionId: id } });
    const notice = await h.db.notice.findFirstOrThrow({
      where: { title: { startsWith: '【公示】' }, targets: { some: { communityId: A.community.id } } },
    });
    for (const c of candidates) expect(notice.bodyHtml).toContain(c.name);
  });
});

describe("the committee's notices belong to the committee (item 4)", () => {
  it("property staff cannot edit or withdraw them; committee members can, another community's committee cannot", async () => {
    const { A, committee, ownerA } = await electionSite(h);
    const manager = await staff(h, 'MANAGER', { id: A.community.id, companyId: A.companyId });
    const { id } = await draftElection(h, committee, A.community.id);
    await committee.call('POST', `/api/committee/elections/${id}/steps/publish`);
    const notice = await h.db.notice.findFirstOrThrow({
      where: { title: { startsWith: '【公示】' }, targets: { some: { communityId: A.community.id } } },
    });
    const staffEdit = await manager.call('PUT', `/api/staff/notices/${notice.id}`, {
      body: {
        title: '【公示】改过的',
        body: '<p>物业改写</p>',
        category: 'GENERAL',
        communityIds: [A.community.id],
        version: 1,
      },
    });
    expect(staffEdit).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    const staffWithdraw = await manager.call('POST', `/api/staff/notices/${notice.id}/withdraw`, {
      body: { reason: '物业要求撤回' },
    });
    expect(staffWithdraw.status).toBe(403);

    const B = await makeCommunity(h.db, { units: 1 });
    const otherCommittee = await staff(h, 'COMMITTEE_MEMBER', { id: B.community.id, companyId: B.companyId });
    const edit = (who: Actor) =>
      who.call('PUT', `/api/committee/notices/${notice.id}`, {
        body: { title: '【公示】第三届业主委员会选举（更正）', body: '<p>候选人名单更正</p>', version: 1 },
      });
    expect((await edit(otherCommittee)).status).toBe(404);
    expect((await edit(manager)).status).toBe(404);
    expect((await edit(committee)).status).toBe(200);
    expect((await ownerA.call('GET', `/api/notices/${notice.id}`)).body).toMatchObject({
      title: '【公示】第三届业主委员会选举（更正）',
    });
    const withdraw = (who: Actor) =>
      who.call('POST', `/api/committee/notices/${notice.id}/withdraw`, { body: { reason: '公示内容有误，重新公示' } });
    expect((await withdraw(manager)).status).toBe(404);
    expect((await withdraw(committee)).status).toBe(200);
    expect((await ownerA.call('GET', `/api/notices/${notice.id}`)).status).toBe(404);
    // An ordinary notice of the office is still the office's.
    expect(
      (
        await manager.call('POST', '/api/staff/notices', {
          body: { title: '停水通知', body: '<p>明日停水</p>', category: 'OUTAGE', communityIds: [A.community.id] },
        })
      ).status,
    ).toBe(201);
  });
});

describe('committee reminders (item 8)', () => {
  it('reach a subscribed owner at most once a week, as arrears reminders do', async () => {
    const { A, committee, ownerE } = await electionSite(h);
    const CLOSING = 'T_ELECTION_CLOSING_01';
    for (let i = 0; i < 3; i++)
      expect(
        (await ownerE.call('POST', '/api/push/subscriptions', { body: { results: { [CLOSING]: 'accept' } } })).status,
      ).toBe(200);
    await h.sim('/sim/subscribe/accept', { openid: ownerE.openid, templateId: CLOSING, times: 3 });
    const { id } = await openElection(h, committee, A.community.id);
    const remind = () => committee.call('POST', `/api/committee/elections/${id}/reminders`);
    expect((await remind()).body).toMatchObject({ owners: 4, pushed: 1 }); // 101's two owners, 201–401's, 501's; only 501's subscribed
    clock.advance(6 * DAY);
    expect((await remind()).body).toMatchObject({ pushed: 0, coolingDown: 1 });
    clock.advance(DAY);
    expect((await remind()).body).toMatchObject({ pushed: 1, coolingDown: 0 });
  });
});

describe('candidate statements and photos are screened like other resident-facing text (item 15)', () => {
  it('risky text is refused; review text is held until another committee member passes it; the photo waits for its check', async () => {
    const { A, committee, ownerA } = await electionSite(h);
    const second = await staff(h, 'COMMITTEE_MEMBER', { id: A.community.id, companyId: A.companyId });
    const { id } = await draftElection(h, committee, A.community.id, { candidates: ['张三', '李四'] });
    const add = (name: string, statement: string, photoUploadId?: string) =>
      committee.call('POST', `/api/committee/elections/${id}/candidates`, {
        body: {
          name,
          sex: '女',
          age: 50,
          affiliation: '群众',
          occupation: '退休',
          statement,
          ...(photoUploadId ? { photoUploadId } : {}),
        },
      });
    expect((await add('钱七', '可以代开发票，联系我')).body.code).toBe('CONTENT_RISKY');
    const photo = await uploadPhoto(committee);
    expect((await add('孙八', '当选后请加微信联系我', photo)).status).toBe(201);
    // The committee sees what it wrote.
    const mine = (await committee.call('GET', `/api/committee/elections/${id}`)).body.candidates as any[];
    expect(mine.find((c) => c.name === '孙八')).toMatchObject({
      statement: '当选后请加微信联系我',
      statementHeld: true,
    });
    const items = (await second.call('GET', `/api/committee/elections/${id}/reviews`)).body.items as any[];
    const item = items.find((i) => i.what === '个人陈述');
    expect(item).toMatchObject({ candidate: '孙八', reason: 'REVIEW', text: expect.stringContaining('加微信') });
    expect(
      (
        await second.call('POST', `/api/committee/elections/${id}/reviews/${item.id}/decision`, {
          body: { approve: true },
        })
      ).status,
    ).toBe(200);
    await publishAndOpen(h, committee, id);
    const seen = (await ownerA.call('GET', `/api/elections/${id}`)).body.candidates as any[];
    expect(seen.find((c) => c.name === '孙八')).toMatchObject({
      statement: '当选后请加微信联系我',
      photoUploadId: null,
    });
    expect(seen.find((c) => c.name === '张三')).toMatchObject({ statement: '愿为小区服务' });
  });
});
