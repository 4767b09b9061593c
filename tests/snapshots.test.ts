import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../bff/src/clock.js';
import { autoCloseJob } from '../bff/src/snapshots/index.js';
import { useHarness } from './support/use-harness.js';
import { resident, staff, type Actor } from './support/actors.js';
import { makeCommunity } from './support/factories/index.js';

/** 随手拍 (docs/domain.md §2): opening is accepting, a reply is handling, 10 idle days close it as 自动办结. */
const clock = new ManualClock(new Date('2026-11-02T02:00:00Z'));
const h = useHarness({ clock, worker: true });
let A: Awaited<ReturnType<typeof makeCommunity>>;
let owner: Actor;
let neighbour: Actor;
let manager: Actor;
let technician: Actor;
let outsider: Actor;
const DAY = 86_400_000;

beforeAll(async () => {
  A = await makeCommunity(h.db, { units: 2 });
  const B = await makeCommunity(h.db, { units: 1 });
  owner = await resident(h, A.units[0]!);
  neighbour = await resident(h, A.units[1]!);
  manager = await staff(h, 'MANAGER', { id: A.community.id, companyId: A.companyId });
  technician = await staff(h, 'TECHNICIAN', { id: A.community.id, companyId: A.companyId });
  outsider = await staff(h, 'MANAGER', { id: B.community.id, companyId: B.companyId });
});

const post = async (who: Actor, body: Record<string, unknown> = {}) => {
  const res = await who.call('POST', '/api/snapshots', {
    body: { communityId: A.community.id, kind: 'PROBLEM', text: '3号楼门口路灯不亮', ...body },
  });
  expect(res.status).toBe(201);
  return res.body;
};
const act = (who: Actor, id: string, body: Record<string, unknown>) =>
  who.call('POST', `/api/snapshots/${id}/actions`, { body });

describe('the workflow', () => {
  it('a manager opening it accepts it; its author, a neighbour or another office does not', async () => {
    const s = await post(owner, { place: '3号楼' });
    expect(s).toMatchObject({ status: 'SUBMITTED', author: '我', myRoles: ['author'] });
    expect((await owner.call('GET', `/api/snapshots/${s.id}`)).body.status).toBe('SUBMITTED');
    expect((await neighbour.call('GET', `/api/snapshots/${s.id}`)).status).toBe(404);
    expect((await outsider.call('GET', `/api/snapshots/${s.id}`)).status).toBe(404);
    expect((await technician.call('GET', `/api/snapshots/${s.id}`)).status).toBe(404);
    const opened = (await manager.call('GET', `/api/snapshots/${s.id}`)).body;
    expect(opened).toMatchObject({ status: 'ACCEPTED', openedAt: clock.now().toISOString(), myRoles: ['office'] });
    expect(opened.author).toMatch(/\*/);
  });

  it('reply → handled; follow-up → waiting again; unsatisfied → handled again; satisfied → closed; each by the right person', async () => {
    const s = await post(owner);
    expect((await act(owner, s.id, { action: 'reply', text: '已安排电工' })).status).toBe(403);
    expect((await act(owner, s.id, { action: 'rehandle', text: '还是不亮' })).status).toBe(409); // not handled yet
    const handled = (await act(manager, s.id, { action: 'reply', text: '已安排电工今晚更换灯泡' })).body;
    expect(handled).toMatchObject({ status: 'HANDLED', autoCloseAt: null });
    const followed = (await act(owner, s.id, { action: 'follow-up', text: '今晚几点来？' })).body;
    expect(followed).toMatchObject({ status: 'ACCEPTED' });
    await act(manager, s.id, { action: 'reply', text: '晚上七点' });
    const again = (await act(owner, s.id, { action: 'rehandle', text: '换了还是不亮' })).body;
    expect(again).toMatchObject({ status: 'ACCEPTED', rehandleCount: 1 });
    expect((await act(manager, s.id, { action: 'close' })).status).toBe(403);
    await act(manager, s.id, { action: 'reply', text: '线路已修复' });
    const closed = (await act(owner, s.id, { action: 'close' })).body;
    expect(closed.status).toBe('CLOSED');
    expect(closed.thread.map((m: any) => [m.kind, m.by])).toEqual([
      ['reply', '物业'],
      ['follow-up', '我'],
      ['reply', '物业'],
      ['rehandle', '我'],
      ['reply', '物业'],
    ]);
    expect((await act(owner, s.id, { action: 'follow-up', text: '谢谢' })).status).toBe(409);
  });

  it('lists mine and the office inbox with counts by state', async () => {
    const mine = (await owner.call('GET', '/api/snapshots?limit=1')).body;
    expect(mine.items).toHaveLength(1);
    expect(mine.nextCursor).toBeTruthy();
    const inbox = (await manager.call('GET', `/api/staff/communities/${A.community.id}/snapshots?status=CLOSED`)).body;
    expect(inbox.items.every((i: any) => i.status === 'CLOSED')).toBe(true);
    expect(inbox.counts).toMatchObject({ ACCEPTED: 1, CLOSED: 1 });
    expect((await outsider.call('GET', `/api/staff/communities/${A.community.id}/snapshots`)).status).toBe(404);
  });
});

describe('the praise wall', () => {
  it('shows praise whose author allowed it, to residents of the community only', async () => {
    const allowed = await post(owner, { kind: 'PRAISE', text: '保洁阿姨每天把楼道擦得很干净', wallConsent: true });
    const privatePraise = await post(owner, { kind: 'PRAISE', text: '谢谢保安' });
    const wall = (await neighbour.call('GET', `/api/communities/${A.community.id}/praise-wall`)).body.items.map(
      (i: any) => i.id,
    );
    expect(wall).toContain(allowed.id);
    expect(wall).not.toContain(privatePraise.id);
    expect((await outsider.call('GET', `/api/communities/${A.community.id}/praise-wall`)).status).toBe(404);
  });
});

describe('自动办结', () => {
  // A community of its own, and people who log in at the time (sessions live 30 days).
  let C: Awaited<ReturnType<typeof makeCommunity>>;
  let resident1: Actor;
  let office: Actor;
  const postIn = (body: Record<string, unknown>) => post(resident1, { communityId: C.community.id, ...body });

  it('closes what the office left alone for 10 days — visibly, and counted against the community', async () => {
    clock.set(new Date('2026-11-10T02:00:00Z'));
    C = await makeCommunity(h.db, { units: 1 });
    resident1 = await resident(h, C.units[0]!);
    office = await staff(h, 'MANAGER', { id: C.community.id, companyId: C.companyId });
    const ignored = await postIn({ text: '草坪很久没修剪了' });
    const opened = await postIn({ text: '垃圾桶满了', kind: 'SUGGESTION' });
    await office.call('GET', `/api/snapshots/${opened.id}`); // opened (accepted) but never answered
    const answered = await postIn({ text: '电梯有异响' });
    await act(office, answered.id, { action: 'reply', text: '已报电梯公司' });

    clock.advance(10 * DAY - 60_000);
    expect(await h.runJob(autoCloseJob, {})).toBe('completed');
    expect((await resident1.call('GET', `/api/snapshots/${ignored.id}`)).body.status).toBe('SUBMITTED');
    clock.advance(60_000);
    expect(await h.runJob(autoCloseJob, {})).toBe('completed');
    const statuses = await Promise.all(
      [ignored, opened, answered].map(async (s) => (await resident1.call('GET', `/api/snapshots/${s.id}`)).body),
    );
    expect(statuses.map((s) => s.status)).toEqual(['AUTO_CLOSED', 'AUTO_CLOSED', 'HANDLED']);
    expect(statuses[0].closedAt).toBe(clock.now().toISOString());
    const level = (await resident1.call('GET', `/api/communities/${C.community.id}/repair-service`)).body;
    expect(level.snapshots).toEqual({ filed: 3, handled: 1, autoClosed: 2 });
  });

  it('a follow-up restarts the 10 days', async () => {
    const s = await postIn({ text: '楼道灯坏了' });
    clock.advance(9 * DAY);
    await act(resident1, s.id, { action: 'follow-up', text: '有人看吗？' });
    clock.advance(2 * DAY);
    await h.runJob(autoCloseJob, {});
    expect((await resident1.call('GET', `/api/snapshots/${s.id}`)).body.status).toBe('SUBMITTED');
    clock.advance(8 * DAY);
    await h.runJob(autoCloseJob, {});
    expect((await resident1.call('GET', `/api/snapshots/${s.id}`)).body.status).toBe('AUTO_CLOSED');
  });
});
