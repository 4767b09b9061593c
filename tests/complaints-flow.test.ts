import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../bff/src/clock.js';
import { atBeijing } from '../bff/src/beijing.js';
import { useHarness } from './support/use-harness.js';
import { resident, staff, type Actor } from './support/actors.js';
import { makeCommunity } from './support/factories/index.js';

/**
 * A complaint's way through the office (docs/domain.md §8): progress the resident sees, done by the
 * department, the resident's answer — unsatisfied sends it back as a re-handling — anonymity towards the
 * staff, a caller's complaint taken by phone, the content check and the community's own clocks.
 */
const clock = new ManualClock(atBeijing('2026-10-12', 10 * 60)); // a Monday
const h = useHarness({ clock });
let A: Awaited<ReturnType<typeof makeCommunity>>;
let owner: Actor;
let manager: Actor;
let admin: Actor;
let engineer: Actor;

beforeAll(async () => {
  A = await makeCommunity(h.db, { units: 2 });
  owner = await resident(h, A.units[0]!, { name: '李业主' });
  manager = await staff(h, 'MANAGER', { id: A.community.id, companyId: A.companyId }, { name: '客服王' });
  admin = await staff(h, 'COMPANY_ADMIN', { id: null, companyId: A.companyId });
  engineer = await staff(h, 'TECHNICIAN', { id: A.community.id, companyId: A.companyId }, { name: '工程冯' });
});

const act = (who: Actor, id: string, body: Record<string, unknown>) =>
  who.call('POST', `/api/complaints/${id}/actions`, { body });
const body = (extra: Record<string, unknown> = {}) => ({
  unitId: A.units[0]!.id,
  kind: 'COMPLAINT',
  category: '环境卫生',
  text: '3号楼垃圾桶两天没有清运',
  ...extra,
});
const file = async (extra: Record<string, unknown> = {}) => {
  const res = await owner.call('POST', '/api/complaints', { body: body(extra) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
};
const get = async (who: Actor, id: string) => (await who.call('GET', `/api/complaints/${id}`)).body;

describe('handling', () => {
  it('triage → contact → progress → done; unsatisfied goes back as a re-handling with its clock; satisfied closes', async () => {
    const c = await file();
    expect(c).toMatchObject({ status: 'SUBMITTED', channel: 'APP', from: { name: '李业主', anonymous: false } });
    await act(manager, c.id, {
      action: 'triage',
      department: '环境部',
      assigneeId: engineer.userId,
      category: '环境卫生',
    });
    expect((await get(engineer, c.id)).from).toMatchObject({ name: '李**', unit: expect.any(String) });
    await act(engineer, c.id, { action: 'contact', note: '已电话联系业主' });
    await act(engineer, c.id, { action: 'note', note: '已安排保洁今天下午清运' });
    await act(engineer, c.id, { action: 'note', note: '保洁外包合同到期，需续签', public: false });
    const done = (await act(engineer, c.id, { action: 'done', note: '已清运，并增加清运频次' })).body;
    expect(done.status).toBe('DONE');
    const seen = await get(owner, c.id);
    expect(seen.events.map((e: any) => e.note)).toEqual([
      null,
      '已分派至环境部',
      '已电话联系业主',
      '已安排保洁今天下午清运',
      '已清运，并增加清运频次',
    ]); // the internal note is the staff's alone
    expect((await get(manager, c.id)).events.map((e: any) => e.note)).toContain('保洁外包合同到期，需续签');
    // A reason is taken by customer service; in the app the resident just answers.
    expect((await act(owner, c.id, { action: 'confirm', satisfied: false, note: '还是很脏' })).status).toBe(400);
    clock.advance(3_600_000);
    // …with a reason from the fixed list (docs/domain.md §8), never with one when satisfied.
    expect((await act(owner, c.id, { action: 'confirm', satisfied: true, reason: '处理太慢' })).status).toBe(400);
    expect((await act(owner, c.id, { action: 'confirm', satisfied: false, reason: '太脏了' })).status).toBe(400);
    const back = (await act(owner, c.id, { action: 'confirm', satisfied: false, reason: '问题没有解决' })).body;
    expect(back).toMatchObject({ status: 'TRIAGED', rehandleCount: 1, deadlines: [{ clock: 'CONTACT' }] });
    expect(back.events.at(-1)).toMatchObject({ note: '住户不满意（问题没有解决），退回部门重新处理', public: true });
    expect(back.deadlines[0].dueAt).toBe(atBeijing('2026-10-13', 11 * 60).toISOString());
    await act(engineer, c.id, { action: 'contact', note: '再次联系业主' });
    await act(engineer, c.id, { action: 'done', note: '已彻底清洗垃圾桶' });
    // Two answers at once: one closes it, the other is told.
    const answers = await Promise.all([
      act(owner, c.id, { action: 'confirm', satisfied: true }),
      act(manager, c.id, { action: 'confirm', satisfied: true, note: '电话回访，业主满意' }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await get(owner, c.id)).toMatchObject({ status: 'CLOSED', closure: 'SATISFIED', rehandleCount: 1 });
  });

  it('anonymous: no staff member sees who it is from — name, phone or unit — the resident and the system do', async () => {
    const c = await file({ anonymous: true, kind: 'CONSULTATION', category: '收费', text: '车位管理费怎么收的' });
    expect(c.from).toMatchObject({ anonymous: true, name: '李业主', phone: owner.phone });
    for (const who of [manager, admin])
      expect((await get(who, c.id)).from).toEqual({ anonymous: true, name: '匿名住户', phone: null, unit: null });
    const list = (await manager.call('GET', `/api/staff/communities/${A.community.id}/complaints?status=SUBMITTED`))
      .body;
    expect(list.items.find((i: any) => i.id === c.id).from.name).toBe('匿名住户');
    expect((await h.db.complaint.findUniqueOrThrow({ where: { id: c.id } })).residentId).toBe(owner.userId);
    expect((await owner.call('GET', '/api/complaints')).body.items.map((i: any) => i.id)).toContain(c.id);
  });

  it('customer service files for a caller (电话): channel and caller recorded, masked in lists; only the office may', async () => {
    const path = `/api/staff/communities/${A.community.id}/complaints`;
    const caller = {
      place: '东门岗亭',
      kind: 'COMPLAINT',
      category: '服务态度',
      text: '保安态度不好，不让外卖进',
      channel: 'PHONE',
      callerName: '张先生',
      callerPhone: '13800001234',
    };
    expect((await engineer.call('POST', path, { body: caller })).status).toBe(404);
    expect(
      (
        await manager.call('POST', path, {
          body: { ...caller, place: undefined, unitId: (await makeCommunity(h.db, { units: 1 })).units[0]!.id },
        })
      ).status,
    ).toBe(404);
    const c = (await manager.call('POST', path, { body: caller })).body;
    expect(c).toMatchObject({
      channel: 'PHONE',
      place: '东门岗亭',
      from: { name: '张**', phone: expect.stringMatching(/\*/) },
    });
  });
});

describe('content and settings', () => {
  it('screens the text: risky refused with nothing stored; review held from the person assigned until passed', async () => {
    const before = await h.db.complaint.count();
    expect(
      (await owner.call('POST', '/api/complaints', { body: body({ text: '可以代开发票，联系我' }) })).body.code,
    ).toBe('CONTENT_RISKY');
    expect(await h.db.complaint.count()).toBe(before);
    const c = await file({ text: '物业经理让我加微信联系他' });
    expect(c.text).toBe('物业经理让我加微信联系他');
    await act(manager, c.id, { action: 'triage', department: '客服部', assigneeId: engineer.userId });
    expect((await get(engineer, c.id)).text).toBe('（内容审核中）');
    const queue = (await manager.call('GET', `/api/staff/communities/${A.community.id}/moderation?status=PENDING`))
      .body;
    const item = queue.items.find((i: any) => i.recordId === c.id);
    expect(item).toMatchObject({ kind: 'complaint' });
    await manager.call('POST', `/api/staff/moderation/${item.id}/decision`, { body: { approve: true } });
    expect((await get(engineer, c.id)).text).toBe('物业经理让我加微信联系他');
  });

  it('the company sets a community’s clocks; the office reads them; the next complaint runs on them', async () => {
    const path = `/api/staff/communities/${A.community.id}/complaint-sla`;
    const current = (await manager.call('GET', path)).body;
    expect(current).toMatchObject({
      isDefault: true,
      settings: { triageMinutes: 60, contactHours: 24, autoCloseDays: 7 },
    });
    expect((await manager.call('PUT', path, { body: { ...current.settings, triageMinutes: 30 } })).status).toBe(404);
    const named = {
      ...current.settings,
      escalation: [{ label: '外人', roles: [], userIds: [owner.userId], minutes: 30 }],
    };
    expect((await admin.call('PUT', path, { body: named })).status).toBe(404);
    expect((await admin.call('PUT', path, { body: { ...current.settings, triageMinutes: 30 } })).body).toMatchObject({
      isDefault: false,
    });
    clock.set(atBeijing('2026-10-14', 17 * 60 + 15));
    expect((await file()).deadlines[0].dueAt).toBe(atBeijing('2026-10-15', 8 * 60 + 45).toISOString());
  });
});
