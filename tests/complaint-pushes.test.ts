import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../bff/src/clock.js';
import { atBeijing } from '../bff/src/beijing.js';
import { TEMPLATES } from '../bff/src/push/templates.js';
import { useHarness } from './support/use-harness.js';
import { resident, staff, type Actor } from './support/actors.js';
import { makeCommunity } from './support/factories/index.js';
import { multipart, phonePhoto } from './support/images.js';

/**
 * A complaint's progress pushed to the resident who filed it (docs/domain.md §8, complaint pushes):
 * triaged, contacted, a public note, sent back by customer service, done → please confirm; never an
 * internal note, never the resident's own answer; only with a subscription.
 */
const clock = new ManualClock(atBeijing('2026-10-12', 10 * 60)); // a Monday
const h = useHarness({ clock });
let A: Awaited<ReturnType<typeof makeCommunity>>;
let owner: Actor;
let silent: Actor;
let manager: Actor;
let engineer: Actor;

async function subscribe(who: Actor, templateId: string, times: number) {
  for (let i = 0; i < times; i++)
    expect(
      (await who.call('POST', '/api/push/subscriptions', { body: { results: { [templateId]: 'accept' } } })).status,
    ).toBe(200);
}

beforeAll(async () => {
  A = await makeCommunity(h.db, { units: 2 });
  owner = await resident(h, A.units[0]!);
  silent = await resident(h, A.units[1]!);
  manager = await staff(h, 'MANAGER', { id: A.community.id, companyId: A.companyId });
  engineer = await staff(h, 'TECHNICIAN', { id: A.community.id, companyId: A.companyId });
  await subscribe(owner, TEMPLATES.complaintProgress.id, 10);
  await subscribe(owner, TEMPLATES.complaintDone.id, 2);
});

const act = async (who: Actor, id: string, body: Record<string, unknown>) => {
  const res = await who.call('POST', `/api/complaints/${id}/actions`, { body });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
};
const file = async (who: Actor, unitId: string) => {
  const res = await who.call('POST', '/api/complaints', {
    body: { unitId, kind: 'COMPLAINT', category: '环境卫生', text: '3号楼垃圾桶两天没有清运', anonymous: true },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
};
const pushes = (id: string) =>
  h.db.pushMessage.findMany({ where: { eventId: id }, orderBy: [{ createdAt: 'asc' }, { eventKind: 'asc' }] });

describe('complaint progress pushes', () => {
  it('each step the resident may see is pushed to them, done asks them to confirm; internal notes and their own answer are not', async () => {
    const id = await file(owner, A.units[0]!.id);
    const triage = { action: 'triage', department: '环境部', assigneeId: engineer.userId };
    await act(manager, id, triage);
    clock.advance(60_000);
    await act(engineer, id, { action: 'contact', note: '已电话联系业主' });
    clock.advance(60_000);
    await act(engineer, id, { action: 'note', note: '外包合同到期，需续签', public: false });
    await act(engineer, id, { action: 'note', note: '已安排保洁今天下午清运' });
    clock.advance(60_000);
    await act(engineer, id, { action: 'done', note: '已清运' });
    clock.advance(60_000);
    await act(owner, id, { action: 'confirm', satisfied: false, reason: '问题没有解决' }); // their own answer
    clock.advance(60_000);
    await act(engineer, id, { action: 'contact', note: '再次上门查看' });
    await act(engineer, id, { action: 'done', note: '已彻底清理' });
    clock.advance(60_000);
    await act(manager, id, { action: 'confirm', satisfied: false, note: '业主电话说仍有异味' }); // taken by phone
    const sent = await pushes(id);
    expect(sent.map((m) => [m.eventKind, m.templateKey, (m.data as Record<string, string>).phrase2 ?? ''])).toEqual([
      ['complaint.triage', 'complaintProgress', '已分派'],
      ['complaint.contact', 'complaintProgress', '处理中'],
      ['complaint.note', 'complaintProgress', '处理中'],
      ['complaint.done', 'complaintDone', ''],
      ['complaint.contact', 'complaintProgress', '处理中'],
      ['complaint.done', 'complaintDone', ''],
      ['complaint.confirm', 'complaintProgress', '已分派'],
    ]);
    expect(sent.every((m) => m.userId === owner.userId && m.page === `packages/voice/complaints/detail?id=${id}`)).toBe(
      true,
    );
    const done = sent.find((m) => m.eventKind === 'complaint.done')!.data as Record<string, string>;
    // 7 days (the community's auto-close) after it was done: the date the resident must answer by.
    expect(done).toMatchObject({ thing1: '投诉：环境卫生', thing2: '已清运', time3: '2026年10月19日 10:03' });
    expect((sent[2]!.data as Record<string, string>).thing3).toBe('已安排保洁今天下午清运');
  });

  it('a triage that changes the kind and category pushes the new ones, as the resident will see it', async () => {
    const id = await file(owner, A.units[0]!.id);
    await act(manager, id, {
      action: 'triage',
      department: '秩序部',
      assigneeId: engineer.userId,
      kind: 'CONSULTATION',
      category: '秩序安全',
    });
    const [triaged] = await pushes(id);
    expect((triaged!.data as Record<string, string>).thing1).toBe('咨询：秩序安全');
  });

  it('a resident who did not subscribe gets nothing written', async () => {
    const id = await file(silent, A.units[1]!.id);
    await act(manager, id, { action: 'triage', department: '环境部', assigneeId: engineer.userId });
    expect(await pushes(id)).toHaveLength(0);
  });
});

describe('the resident’s complaint page', () => {
  it('shows the photos filed with it, to its author and the office, as signed links that load', async () => {
    const { body, contentType } = multipart(await phonePhoto({ width: 160, height: 120 }));
    const up = await owner.call('POST', '/api/uploads', { raw: body, headers: { 'content-type': contentType } });
    expect(up.status).toBe(201);
    const res = await owner.call('POST', '/api/complaints', {
      body: {
        unitId: A.units[0]!.id,
        kind: 'COMPLAINT',
        category: '设施设备',
        text: '楼道灯坏了一周没人修',
        uploadIds: [up.body.id],
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const mine = (await owner.call('GET', `/api/complaints/${res.body.id}`)).body;
    expect(mine.photos).toHaveLength(1);
    expect(mine.photos[0]).toMatchObject({ id: up.body.id, kind: 'image' });
    expect((await fetch(new URL(mine.photos[0].url, h.url))).status).toBe(200);
    expect((await manager.call('GET', `/api/complaints/${res.body.id}`)).body.photos).toHaveLength(1);
    expect((await silent.call('GET', `/api/complaints/${res.body.id}`)).status).toBe(404);
  });
});
