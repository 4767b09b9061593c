import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../bff/src/clock.js';
import { addDays, beijingDay } from '../bff/src/beijing.js';
import { committeeSweep } from '../bff/src/committee/sweep.js';
import { useHarness } from './support/use-harness.js';
import { resident, staff, type Actor } from './support/actors.js';
import { addRosterOwner, makeCommunity, uniquePhone, DAY } from './support/factories/index.js';
import { multipart, phonePhoto } from './support/images.js';

/**
 * The committee (issue 27, docs/roles.md §The committee): terms entered from a published election or
 * by hand with the filing evidence, roles that end with the term, and one reminder 60 days before.
 */
const clock = new ManualClock(new Date('2026-12-01T02:00:00Z'));
const h = useHarness({ clock, worker: true });
let site: Awaited<ReturnType<typeof makeCommunity>>;
let stranger: Awaited<ReturnType<typeof makeCommunity>>;
let admin: Actor;
let manager: Actor;
let strangerAdmin: Actor;
let zhang: Actor;
let li: Actor;
let electionId: string;

const today = () => beijingDay(clock.now());
const committeeOf = (who: Actor, communityId = site.community.id) =>
  who.call('GET', `/api/company/committee?communityId=${communityId}`);
const confirm = (who: Actor, body: object) => who.call('POST', '/api/company/committee/terms', { body });

/** Sessions end after a while of the moved clock: the same person signs in again. */
async function fresh(who: Actor): Promise<Actor> {
  const token = await h.loginAs(who.openid);
  return { ...who, token, call: (method, path, opts = {}) => h.call(method, path, { ...opts, token }) };
}

async function receipt(who: Actor): Promise<string> {
  const { body, contentType } = multipart(await phonePhoto({ width: 160, height: 120 }));
  const res = await who.call('POST', '/api/uploads', { raw: body, headers: { 'content-type': contentType } });
  expect(res.status).toBe(201);
  return res.body.id;
}

/** A committee election whose results are published: 张三, 李四, 王五 and 赵六 elected, 钱七 not. */
async function publishedElection(communityId: string, createdById: string) {
  const id = crypto.randomUUID();
  const names = ['张三', '李四', '王五', '赵六', '钱七'];
  const ids = names.map(() => crypto.randomUUID());
  await h.db.election.create({
    data: {
      id,
      communityId,
      title: '第二届业主委员会选举',
      kind: 'ELECTION',
      class: 'ORDINARY',
      seats: 5,
      state: 'RESULTS_PUBLISHED',
      closesAt: new Date(clock.now().getTime() - 10 * DAY),
      closedAt: new Date(clock.now().getTime() - 10 * DAY),
      createdById,
      createdAt: new Date(clock.now().getTime() - 40 * DAY),
      result: { elected: ids.slice(0, 4), runoff: [], vacant: 1 },
      candidates: { create: names.map((name, i) => ({ id: ids[i], name, sortOrder: i })) },
    },
  });
  return id;
}

beforeAll(async () => {
  site = await makeCommunity(h.db, { units: 4 });
  stranger = await makeCommunity(h.db, { units: 1 });
  admin = await staff(h, 'COMPANY_ADMIN', { companyId: site.companyId, id: null }, { name: '管理员' });
  manager = await staff(h, 'MANAGER', site.community, { name: '经理' });
  strangerAdmin = await staff(h, 'COMPANY_ADMIN', { companyId: stranger.companyId, id: null });
  zhang = await resident(h, site.units[0]!, { name: '张三' });
  li = await resident(h, site.units[1]!, { name: '李四' });
  // 王五 is an owner of record without the app; 赵六 is on no roster of this community.
  await addRosterOwner(h.db, site.units[2]!.id, uniquePhone(), '王五');
  electionId = await publishedElection(site.community.id, admin.userId);
});

describe('the proposal from a published election', () => {
  it('lists the elected with an account, and those without one with the reason; never the losers', async () => {
    const res = await committeeOf(admin);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ canConfirm: true, term: null });
    expect(res.body.proposal.election).toMatchObject({ id: electionId, title: '第二届业主委员会选举' });
    expect(res.body.proposal.matched.map((m: { name: string; userId: string }) => [m.name, m.userId])).toEqual([
      ['张三', zhang.userId],
      ['李四', li.userId],
    ]);
    expect(res.body.proposal.unmatched.map((m: { name: string; reason: string }) => [m.name, m.reason])).toEqual([
      ['王五', 'NO_ACCOUNT'],
      ['赵六', 'NOT_ON_ROSTER'],
    ]);
    expect(res.body.proposal.matched[0].phone).toMatch(/\*\*\*\*/);
  });

  it("the manager sees it but cannot confirm; another company's admin finds nothing", async () => {
    const seen = await committeeOf(manager);
    expect([seen.status, seen.body.canConfirm]).toEqual([200, false]);
    const body = {
      communityId: site.community.id,
      electionId,
      startsOn: '2026-11-21',
      endsOn: '2031-11-20',
      filedOn: today(),
      receiptUploadId: await receipt(manager),
      members: [{ userId: zhang.userId, office: 'DIRECTOR' }],
    };
    const refused = await confirm(manager, body);
    expect([refused.status, refused.body.code]).toEqual([403, 'ROLE_NOT_GRANTABLE']);
    expect((await committeeOf(strangerAdmin)).status).toBe(404);
    const foreign = await confirm(strangerAdmin, { ...body, receiptUploadId: await receipt(strangerAdmin) });
    expect([foreign.status, foreign.body.code]).toEqual([404, 'NOT_FOUND']);
    // The stranger's own community with this company's election: no such election there.
    const crossed = await confirm(strangerAdmin, {
      ...body,
      communityId: stranger.community.id,
      receiptUploadId: await receipt(strangerAdmin),
    });
    expect(crossed.status).toBe(404);
  });
});

describe('confirming a term', () => {
  const base = () => ({
    communityId: site.community.id,
    electionId,
    startsOn: '2026-11-21',
    endsOn: addDays(today(), 100),
    filedOn: today(),
    members: [
      { userId: zhang.userId, office: 'DIRECTOR' },
      { userId: li.userId, office: 'DEPUTY' },
    ],
  });

  it('needs the evidence: a receipt photo of the confirmer, a filing date not in the future, elected members', async () => {
    const none = await confirm(admin, base());
    expect(none.status).toBe(400);
    expect(none.body.details).toContainEqual({ path: 'receiptUploadId', message: '请上传备案回执照片' });
    const own = await receipt(admin);
    const future = await confirm(admin, { ...base(), receiptUploadId: own, filedOn: addDays(today(), 1) });
    expect([future.status, future.body.message]).toEqual([400, '备案日期不能晚于今天']);
    const theirs = await confirm(admin, { ...base(), receiptUploadId: await receipt(manager) });
    expect([theirs.status, theirs.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const tooLong = await confirm(admin, { ...base(), receiptUploadId: own, endsOn: '2031-11-21' });
    expect([tooLong.status, tooLong.body.message]).toEqual([400, '每届任期不超过 5 年']);
    const loser = await confirm(admin, {
      ...base(),
      receiptUploadId: own,
      members: [{ userId: manager.userId, office: 'DIRECTOR' }],
    });
    expect([loser.status, loser.body.message]).toEqual([400, expect.stringContaining('不是这次选举的当选人')]);
    expect(await h.db.committeeTerm.count({ where: { communityId: site.community.id } })).toBe(0);
    expect(await h.db.staffRole.count({ where: { communityId: site.community.id, role: 'COMMITTEE_MEMBER' } })).toBe(0);
  });

  it('grants the members COMMITTEE_MEMBER, audited, with their offices; the election is not proposed again', async () => {
    // 李四 never wrote a name in the app: the term names them as the owner roster does.
    await h.db.user.update({ where: { id: li.userId }, data: { name: null } });
    const made = await confirm(admin, { ...base(), receiptUploadId: await receipt(admin) });
    expect(made.status).toBe(201);
    expect(made.body.term).toMatchObject({ daysLeft: 100, electionId, filedOn: today() });
    expect(made.body.term.members.map((m: { name: string; officeName: string }) => [m.name, m.officeName])).toEqual([
      ['张三', '主任'],
      ['李四', '副主任'],
    ]);
    expect(made.body.proposal).toBeNull();
    const roles = await h.db.staffRole.findMany({
      where: { communityId: site.community.id, role: 'COMMITTEE_MEMBER' },
      select: { userId: true },
    });
    expect(roles.map((r) => r.userId).sort()).toEqual([zhang.userId, li.userId].sort());
    const audit = await h.db.auditEvent.findMany({ where: { companyId: site.companyId, actorId: admin.userId } });
    expect(audit.map((a) => a.kind).sort()).toEqual(['COMMITTEE_TERM_CONFIRMED', 'ROLE_GRANTED', 'ROLE_GRANTED']);
    // The committee member now runs the community's votes.
    expect((await zhang.call('GET', `/api/committee/communities/${site.community.id}/elections`)).status).toBe(200);
    // The receipt is the company's and the manager's to see, not a resident's.
    const receiptId = made.body.term.receiptUploadId;
    expect((await manager.call('GET', `/api/uploads/${receiptId}`)).status).toBe(200);
    expect((await li.call('GET', `/api/uploads/${receiptId}`)).status).toBe(404);

    const again = await confirm(admin, { ...base(), receiptUploadId: await receipt(admin) });
    expect([again.status, again.body.code]).toEqual([409, 'ALREADY_DECIDED']);
    expect(await h.db.committeeTerm.count({ where: { communityId: site.community.id, endedAt: null } })).toBe(1);
  });
});

describe('the sweep', () => {
  it('reminds the company once, 60 days before the last day', async () => {
    clock.advance(39 * DAY); // 61 days left
    expect(await h.runJob(committeeSweep, {})).toBe('completed');
    const reminders = () =>
      h.db.auditEvent.count({ where: { companyId: site.companyId, kind: 'COMMITTEE_TERM_REMINDER' } });
    expect(await reminders()).toBe(0);
    // The staff phone's home (me/waiting.ts) carries it for the company's admins, once reminded.
    const waiting = async (who: Actor) =>
      (await (await fresh(who)).call('GET', `/api/staff/communities/${site.community.id}/waiting`)).body;
    expect((await waiting(admin)).committeeTermEnding).toBeNull();
    clock.advance(DAY); // 60 days left
    expect(await h.runJob(committeeSweep, {})).toBe('completed');
    expect(await h.runJob(committeeSweep, {})).toBe('completed');
    clock.advance(DAY);
    expect(await h.runJob(committeeSweep, {})).toBe('completed');
    expect(await reminders()).toBe(1);
    admin = await fresh(admin);
    manager = await fresh(manager);
    const seen = await committeeOf(admin);
    expect(seen.body.term.daysLeft).toBe(59);
    expect(seen.body.reminders).toEqual([
      expect.objectContaining({ communityId: site.community.id, daysLeft: 59, endsOn: seen.body.term.endsOn }),
    ]);
    expect((await committeeOf(manager)).body.reminders).toEqual([]);
    expect((await waiting(admin)).committeeTermEnding).toEqual({ endsOn: seen.body.term.endsOn, daysLeft: 59 });
    // The manager cannot enter the next term: the reminder is the company's (docs/roles.md §The committee).
    expect((await waiting(manager)).committeeTermEnding).toBeNull();
    expect((await waiting(strangerAdmin)).committeeTermEnding).toBeUndefined(); // 404: not their community
  });

  it('ends the term after its last day: the roles go at once, audited, and a new term can be entered', async () => {
    clock.advance(59 * DAY); // the last day
    expect(await h.runJob(committeeSweep, {})).toBe('completed');
    [admin, zhang, li] = await Promise.all([fresh(admin), fresh(zhang), fresh(li)]);
    expect((await zhang.call('GET', `/api/committee/communities/${site.community.id}/elections`)).status).toBe(200);
    clock.advance(DAY);
    expect(await h.runJob(committeeSweep, {})).toBe('completed');
    expect(await h.runJob(committeeSweep, {})).toBe('completed');
    // The same session token, the next request: no committee access any more.
    expect((await zhang.call('GET', `/api/committee/communities/${site.community.id}/elections`)).status).toBe(404);
    expect(await h.db.staffRole.count({ where: { communityId: site.community.id, role: 'COMMITTEE_MEMBER' } })).toBe(0);
    const ended = await h.db.auditEvent.findMany({
      where: { companyId: site.companyId, actorId: null, kind: { in: ['COMMITTEE_TERM_ENDED', 'ROLE_REMOVED'] } },
    });
    expect(ended.map((e) => e.kind).sort()).toEqual(['COMMITTEE_TERM_ENDED', 'ROLE_REMOVED', 'ROLE_REMOVED']);
    expect((await committeeOf(admin)).body.term).toBeNull();

    // By hand, by phone: an owner of record with the app; anyone else is refused.
    const byHand = {
      communityId: site.community.id,
      startsOn: today(),
      endsOn: addDays(today(), 365),
      filedOn: today(),
      receiptUploadId: await receipt(admin),
    };
    const outsider = await confirm(admin, { ...byHand, members: [{ phone: manager.phone, office: 'DIRECTOR' }] });
    expect([outsider.status, outsider.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const made = await confirm(admin, { ...byHand, members: [{ phone: li.phone, office: 'DIRECTOR' }] });
    expect(made.status).toBe(201);
    expect(made.body.term.electionId).toBeNull();
    // A later term replaces the running one only when the caller names it (what they saw on screen).
    const next = { ...byHand, members: [{ phone: zhang.phone, office: 'DIRECTOR' }] };
    const stale = await confirm(admin, { ...next, receiptUploadId: await receipt(admin) });
    expect([stale.status, stale.body.code]).toEqual([409, 'ALREADY_DECIDED']);
    expect(await h.db.committeeTerm.count({ where: { communityId: site.community.id, endedAt: null } })).toBe(1);
    expect((await li.call('GET', `/api/committee/communities/${site.community.id}/elections`)).status).toBe(200);
    const replaced = await confirm(admin, {
      ...next,
      replacesTermId: made.body.term.id,
      receiptUploadId: await receipt(admin),
    });
    expect(replaced.status).toBe(201);
    expect(await h.db.committeeTerm.findUnique({ where: { id: made.body.term.id } })).toMatchObject({
      endedReason: 'SUPERSEDED',
    });
    expect((await zhang.call('GET', `/api/committee/communities/${site.community.id}/elections`)).status).toBe(200);
    expect((await li.call('GET', `/api/committee/communities/${site.community.id}/elections`)).status).toBe(404);
  });
});

describe('two admins at once', () => {
  it('enter one term: the other is told it was just entered, and the roles are those of the one that won', async () => {
    const place = await makeCommunity(h.db, { units: 2 });
    const [a, b] = await Promise.all([
      staff(h, 'COMPANY_ADMIN', { companyId: place.companyId, id: null }),
      staff(h, 'COMPANY_ADMIN', { companyId: place.companyId, id: null }),
    ]);
    const [x, y] = await Promise.all([resident(h, place.units[0]!), resident(h, place.units[1]!)]);
    const term = (member: Actor) => ({
      communityId: place.community.id,
      startsOn: today(),
      endsOn: addDays(today(), 700),
      filedOn: today(),
      members: [{ phone: member.phone, office: 'DIRECTOR' }],
    });
    const [ra, rb] = [await receipt(a), await receipt(b)];
    const answers = await Promise.all([
      confirm(a, { ...term(x), receiptUploadId: ra }),
      confirm(b, { ...term(y), receiptUploadId: rb }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(answers.find((r) => r.status === 409)!.body.code).toBe('ALREADY_DECIDED');
    const won = answers[0]!.status === 201 ? x : y;
    const roles = await h.db.staffRole.findMany({
      where: { communityId: place.community.id, role: 'COMMITTEE_MEMBER' },
      select: { userId: true },
    });
    expect(roles).toEqual([{ userId: won.userId }]);
    expect(await h.db.committeeTerm.count({ where: { communityId: place.community.id } })).toBe(1);
  });
});
