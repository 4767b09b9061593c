import { describe, expect, it } from 'vitest';
import { useHarness } from './support/use-harness.js';
import { staff, type Actor } from './support/actors.js';
import {
  atDeadline,
  confirmRoster,
  DAY,
  draftElection,
  electionSite,
  makeUser,
  NOTICE_PERIOD,
  openElection,
  uniquePhone,
} from './support/factories/index.js';
import { multipart, phonePhoto } from './support/images.js';
import { TEST_APPID } from './support/harness.js';
import { ManualClock } from '../bff/src/clock.js';

/**
 * The independent review of the elections work (2026-12-02): each finding with its test. Community of
 * electionSite: 101 … 601 of 80.15 m², 601 the developer's; ownerA and coOwner share 101, multi owns
 * 201–401 (one key), ownerE owns 501.
 */
const clock = new ManualClock(new Date('2026-04-06T01:00:00Z'));
const YEAR = String(365 * 86_400);
const h = useHarness({ clock, env: { SESSION_TTL_SECONDS: YEAR, SESSION_MAX_AGE_SECONDS: YEAR } });

const vote = (who: Pick<Actor, 'call'>, choices: string[], id: string, ownerKey?: string) =>
  who.call('POST', `/api/elections/${id}/ballots`, { body: { choices, ...(ownerKey ? { ownerKey } : {}) } });
const uploadPhoto = async (who: Actor) => {
  const { body, contentType } = multipart(await phonePhoto({ width: 300, height: 200 }));
  return (await who.call('POST', '/api/uploads', { raw: body, headers: { 'content-type': contentType } })).body
    .id as string;
};

/** Someone signed in with a verified phone and no unit at all (an heir or buyer the register does not know yet). */
async function newcomer() {
  const user = await makeUser(h.db, TEST_APPID);
  const token = await h.loginAs(user.openid);
  const national = uniquePhone();
  await h.bindPhone(token, national);
  return {
    national,
    userId: user.id,
    call: (method: string, path: string, opts: Parameters<typeof h.call>[2] = {}) =>
      h.call(method, path, { ...opts, token }),
  };
}

const admit = async (
  committee: Actor,
  id: string,
  body: { unitId: string; phone: string; kind: 'SAME_OWNER' | 'SUCCESSOR' },
) =>
  committee.call('POST', `/api/committee/elections/${id}/voters`, {
    body: { ...body, reason: '购房人凭不动产权证参加表决', evidenceUploadId: await uploadPhoto(committee) },
  });

describe('review 1: an admitted heir or buyer casts the unit, never the owner key', () => {
  it('refuses developer-held units; while published gives the unit a key of its own; once open refuses a key spanning other units', async () => {
    const { A, committee, multi } = await electionSite(h);
    const { id, ids } = await draftElection(h, committee, A.community.id);
    expect((await committee.call('POST', `/api/committee/elections/${id}/steps/publish`)).status).toBe(200);

    const buyer601 = await newcomer();
    for (const kind of ['SUCCESSOR', 'SAME_OWNER'] as const) {
      const refused = await admit(committee, id, { unitId: A.units[5]!.id, phone: buyer601.national, kind });
      expect(refused).toMatchObject({ status: 409, body: { code: 'DEVELOPER_HELD' } });
    }

    // 201–401 share multi's key; the buyer of 201 alone gets 201 as a slot of their own.
    const buyer201 = await newcomer();
    expect(
      (await admit(committee, id, { unitId: A.units[1]!.id, phone: buyer201.national, kind: 'SUCCESSOR' })).status,
    ).toBe(201);
    clock.advance(NOTICE_PERIOD);
    await confirmRoster(committee, id);
    expect((await committee.call('POST', `/api/committee/elections/${id}/steps/open`)).status).toBe(200);

    expect((await buyer201.call('GET', `/api/elections/${id}`)).body.slots).toEqual([
      expect.objectContaining({ units: ['1号楼 201'] }),
    ]);
    expect((await multi.call('GET', `/api/elections/${id}`)).body.slots).toEqual([
      expect.objectContaining({ units: ['1号楼 301', '1号楼 401'] }),
    ]);
    expect((await vote(buyer201, ids('张三'), id)).status).toBe(201);
    expect((await vote(multi, ids('李四'), id)).status).toBe(201);

    // Once open the roster is frozen: an heir of 301 (whose key also holds 401) cannot be admitted.
    const heir301 = await newcomer();
    const frozen = await admit(committee, id, { unitId: A.units[2]!.id, phone: heir301.national, kind: 'SUCCESSOR' });
    expect(frozen).toMatchObject({ status: 409, body: { code: 'KEY_SPANS_UNITS' } });
    // The same owner with a new phone still casts the key as it stands.
    expect(
      (await admit(committee, id, { unitId: A.units[2]!.id, phone: heir301.national, kind: 'SAME_OWNER' })).status,
    ).toBe(201);

    await atDeadline(h, id);
    await committee.call('POST', `/api/committee/elections/${id}/steps/close`);
    const { result } = (await committee.call('POST', `/api/committee/elections/${id}/steps/tally`)).body;
    expect(result.candidates[ids('张三')[0]!]).toMatchObject({ area: '80.15', heads: 1 });
    expect(result.candidates[ids('李四')[0]!]).toMatchObject({ area: '160.30', heads: 1 });
    expect(result.totalHeads).toBe(5); // 101; 201 (buyer); 301–401 (multi); 501; the developer's 601
  });
});

describe('review 2: the committee, not the property company, decides a held candidate statement', () => {
  it('the office neither lists nor decides it; the author cannot; another member can, as an election event; publication waits', async () => {
    const { A, committee, ownerA } = await electionSite(h);
    const manager = await staff(h, 'MANAGER', { id: A.community.id, companyId: A.companyId });
    const second = await staff(h, 'COMMITTEE_MEMBER', { id: A.community.id, companyId: A.companyId });
    const { id } = await draftElection(h, committee, A.community.id, { candidates: ['张三', '李四', '王五'] });
    const added = await committee.call('POST', `/api/committee/elections/${id}/candidates`, {
      body: {
        name: '孙八',
        sex: '女',
        age: 50,
        affiliation: '群众',
        occupation: '退休',
        statement: '当选后请加微信联系我',
      },
    });
    expect(added.status).toBe(201);
    const review = await h.db.contentReview.findFirstOrThrow({ where: { recordId: added.body.id } });
    const queue = (await manager.call('GET', `/api/staff/communities/${A.community.id}/moderation`)).body
      .items as any[];
    expect(queue.map((i) => i.id)).not.toContain(review.id);
    const byManager = await manager.call('POST', `/api/staff/moderation/${review.id}/decision`, {
      body: { approve: false },
    });
    expect(byManager.status).toBe(404);
    const publish = () => committee.call('POST', `/api/committee/elections/${id}/steps/publish`);
    expect(await publish()).toMatchObject({ status: 409, body: { code: 'REVIEW_PENDING' } });

    const decide = (who: Actor, approve: boolean) =>
      who.call('POST', `/api/committee/elections/${id}/reviews/${review.id}/decision`, { body: { approve } });
    expect((await decide(committee, true)).status).toBe(403); // its author
    expect((await decide(second, false)).body).toMatchObject({ status: 'REJECTED' });
    expect((await publish()).status).toBe(200);
    const { events } = (await committee.call('GET', `/api/committee/elections/${id}`)).body;
    expect(events).toContainEqual(expect.objectContaining({ action: 'REVIEW_REJECTED', detail: '孙八的个人陈述' }));
    const seen = (await ownerA.call('GET', `/api/elections/${id}`)).body.candidates as any[];
    expect(seen.find((c) => c.name === '孙八')).toMatchObject({ statement: '（内容未通过审核，已隐藏）' });
  });
});

describe('review 4: the vote runs to its announced deadline', () => {
  it('closing before the deadline is refused; opening needs a minimum voting period', async () => {
    const { A, committee, ownerA } = await electionSite(h);
    const { id, ids } = await openElection(h, committee, A.community.id); // closes 30 days after creation
    const close = () => committee.call('POST', `/api/committee/elections/${id}/steps/close`);
    expect(await close()).toMatchObject({ status: 409, body: { code: 'VOTING_PERIOD' } });
    const { closesAt } = (await committee.call('GET', `/api/committee/elections/${id}`)).body;
    clock.set(new Date(new Date(closesAt).getTime() - 60_000));
    expect((await close()).body.code).toBe('VOTING_PERIOD');
    expect((await vote(ownerA, ids('张三'), id)).status).toBe(201); // still open in its last minute
    clock.set(new Date(closesAt));
    expect((await close()).body.state).toBe('CLOSED');

    // Published with 8 days' voting after the notice period, opened a day and a minute late: refused.
    const created = await committee.call('POST', `/api/committee/communities/${A.community.id}/elections`, {
      body: {
        title: '选聘物业服务企业',
        kind: 'MATTER',
        closesAt: new Date(clock.now().getTime() + 23 * DAY).toISOString(),
      },
    });
    const run = (name: string) => committee.call('POST', `/api/committee/elections/${created.body.id}/steps/${name}`);
    expect((await run('publish')).status).toBe(200);
    clock.advance(NOTICE_PERIOD + DAY + 60_000);
    expect(await run('open')).toMatchObject({ status: 409, body: { code: 'VOTING_PERIOD' } });
    // A deadline less than the notice period plus 7 days away is refused at publication.
    const short = await committee.call('POST', `/api/committee/communities/${A.community.id}/elections`, {
      body: {
        title: '选聘物业服务企业',
        kind: 'MATTER',
        closesAt: new Date(clock.now().getTime() + 20 * DAY).toISOString(),
      },
    });
    expect((await committee.call('POST', `/api/committee/elections/${short.body.id}/steps/publish`)).status).toBe(400);
  });
});

describe('review 6: staff cannot hide the vote from an admitted voter', () => {
  it('an admitted heir with no verified membership sees the vote in their list and the candidates’ photos', async () => {
    const { A, committee } = await electionSite(h);
    const photoId = await uploadPhoto(committee);
    const { id, ids } = await openElection(h, committee, A.community.id, { photoUploadId: photoId });
    await h.db.mediaCheck.updateMany({ where: { uploadId: photoId }, data: { status: 'PASS' } }); // as its verdict would
    const heir = await newcomer(); // the manager never verified them
    expect(
      (await admit(committee, id, { unitId: A.units[4]!.id, phone: heir.national, kind: 'SUCCESSOR' })).status,
    ).toBe(201);
    const list = (await heir.call('GET', '/api/elections')).body.items as { id: string; voted: boolean }[];
    expect(list).toEqual([expect.objectContaining({ id, voted: false })]);
    expect((await heir.call('GET', `/api/uploads/${photoId}`)).status).toBe(200);
    expect((await vote(heir, ids('张三'), id)).status).toBe(201);
    expect((await heir.call('GET', '/api/elections')).body.items).toEqual([
      expect.objectContaining({ id, voted: true }),
    ]);
    // Someone neither a member nor a voter still sees nothing.
    const stranger = await newcomer();
    expect((await stranger.call('GET', '/api/elections')).body.items).toEqual([]);
    expect((await stranger.call('GET', `/api/uploads/${photoId}`)).status).toBe(404);
  });
});

describe('review 5: the "results published" push is deliverable', () => {
  it('an owner who asked for the opening and the results gets exactly those two; the committee notices take no credit', async () => {
    const { A, committee, ownerE } = await electionSite(h);
    const { id, ids } = await draftElection(h, committee, A.community.id);
    const step = (name: string) => committee.call('POST', `/api/committee/elections/${id}/steps/${name}`);
    expect((await step('publish')).status).toBe(200);
    // Announced: the votes page asks for "vote opened" and the results (one accept each); the owner also
    // keeps one credit for the office's next notice, which the committee's notices must leave alone.
    const asked = ['T_ELECTION_OPENED_01', 'T_ELECTION_RESULTS_01', 'T_NOTICE_PUBLISHED_01'];
    const subscribed = await ownerE.call('POST', '/api/push/subscriptions', {
      body: { results: Object.fromEntries(asked.map((t) => [t, 'accept'])) },
    });
    expect(subscribed.status).toBe(200);
    for (const templateId of asked)
      await h.sim('/sim/subscribe/accept', { openid: ownerE.openid, templateId, times: 1 });
    clock.advance(NOTICE_PERIOD);
    await confirmRoster(committee, id);
    expect((await step('open')).status).toBe(200);
    expect((await vote(ownerE, ids('张三'), id)).status).toBe(201);
    await atDeadline(h, id);
    expect((await step('close')).status).toBe(200);
    expect((await step('tally')).status).toBe(200);
    expect((await step('publish-results')).status).toBe(200);
    const got = await h.db.pushMessage.findMany({
      where: { userId: ownerE.userId },
      orderBy: { createdAt: 'asc' },
      select: { templateKey: true, eventKind: true },
    });
    expect(got).toEqual([
      { templateKey: 'electionOpened', eventKind: 'election.opened' },
      { templateKey: 'electionResults', eventKind: 'election.results' },
    ]);
  });
});

describe('review 3: 业委会公示 is the committee’s', () => {
  it('staff cannot post a COMMITTEE notice; residents see who published each notice', async () => {
    const { A, committee, ownerA } = await electionSite(h);
    const manager = await staff(h, 'MANAGER', { id: A.community.id, companyId: A.companyId });
    const post = (category: string) =>
      manager.call('POST', '/api/staff/notices', {
        body: { title: '业委会换届公告', body: '<p>x</p>', category, communityIds: [A.community.id] },
      });
    expect((await post('COMMITTEE')).status).toBe(400);
    const office = await post('GENERAL');
    expect((await manager.call('POST', `/api/staff/notices/${office.body.id}/publish`)).status).toBe(200);
    const { id } = await draftElection(h, committee, A.community.id);
    expect((await committee.call('POST', `/api/committee/elections/${id}/steps/publish`)).status).toBe(200);
    const list = (await ownerA.call('GET', `/api/notices?communityId=${A.community.id}`)).body.items as any[];
    const byTitle = (t: string) => list.find((n) => n.title.startsWith(t));
    expect(byTitle('【公示】')).toMatchObject({ category: 'COMMITTEE', publisher: '业委会' });
    expect(byTitle('业委会换届公告').publisher).toBeUndefined(); // the office's: 物业
    expect((await ownerA.call('GET', `/api/notices/${byTitle('【公示】').id}`)).body.publisher).toBe('业委会');
    expect((await ownerA.call('GET', `/api/notices/${office.body.id}`)).body.publisher).toBe('物业');
  });
});
