import { beforeAll, describe, expect, it } from 'vitest';
import { useHarness } from './support/use-harness.js';
import { untilSomeoneWaitsOnALock } from './support/lock-wait.js';
import { resident, staff, type Actor } from './support/actors.js';
import {
  addFeeItem,
  deliverUnits,
  draftElection,
  makeCommunity,
  monthsFromNow,
  repairBody,
  runBilling,
} from './support/factories/index.js';

/**
 * Master data at the desk (issue 27, docs/master-data.md): communities by company admins; buildings,
 * units and parking by the community's manager too; areas exact, every change audited, retired never deleted.
 */
const h = useHarness();
const M = '/api/staff/master';
let site: Awaited<ReturnType<typeof makeCommunity>>;
let stranger: Awaited<ReturnType<typeof makeCommunity>>;
let admin: Actor;
let manager: Actor;
let strangerManager: Actor;

beforeAll(async () => {
  site = await makeCommunity(h.db, { units: 1 });
  stranger = await makeCommunity(h.db, { units: 1 });
  admin = await staff(h, 'COMPANY_ADMIN', { companyId: site.companyId, id: null }, { name: '管理员' });
  manager = await staff(h, 'MANAGER', site.community, { name: '经理' });
  strangerManager = await staff(h, 'MANAGER', stranger.community);
});

const unitBody = (buildingId: string, extra: Record<string, unknown> = {}) => ({
  buildingId,
  number: '1201',
  floor: 12,
  buildingArea: '120.37',
  exclusiveArea: '99.99',
  areaSource: 'SURVEYED',
  deliveredAt: '2025-03-01',
  ...extra,
});

describe('communities', () => {
  it('only a company admin creates and edits one; a manager is refused, a stranger finds nothing', async () => {
    const body = {
      companyId: site.companyId,
      name: `新小区${Date.now()}`,
      address: '浦东路 8 号',
      district: '浦东新区',
      totalBuildingArea: '123456.78',
    };
    expect((await manager.call('POST', `${M}/communities`, { body })).status).toBe(403);
    expect((await strangerManager.call('POST', `${M}/communities`, { body })).status).toBe(404);
    const made = await admin.call('POST', `${M}/communities`, { body });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ district: '浦东新区', totalBuildingArea: '123456.78', editable: true });
    const dup = await admin.call('POST', `${M}/communities`, { body });
    expect([dup.status, dup.body.code]).toEqual([409, 'MASTER_DUPLICATE']);

    const noReason = await admin.call('PATCH', `${M}/communities/${made.body.id}`, {
      body: { totalBuildingArea: '123456.79' },
    });
    expect([noReason.status, noReason.body.details?.[0]?.path]).toEqual([400, 'reason']);
    const edited = await admin.call('PATCH', `${M}/communities/${made.body.id}`, {
      body: { totalBuildingArea: '123456.79', reason: '竣工测绘报告' },
    });
    expect(edited.body.totalBuildingArea).toBe('123456.79');
    expect(
      (await manager.call('PATCH', `${M}/communities/${site.community.id}`, { body: { name: '改名' } })).status,
    ).toBe(403);
    expect(
      (await strangerManager.call('PATCH', `${M}/communities/${made.body.id}`, { body: { name: '改名' } })).status,
    ).toBe(404);
    const audit = await h.db.auditEvent.findFirstOrThrow({
      where: { subjectId: made.body.id, kind: 'COMMUNITY_CHANGE' },
    });
    expect(audit).toMatchObject({
      actorId: admin.userId,
      before: { totalBuildingArea: '123456.78' },
      after: { totalBuildingArea: '123456.79' },
      reason: '竣工测绘报告',
    });

    const mine = await manager.call('GET', `${M}/communities`);
    expect(mine.body.items.map((c: { id: string; editable: boolean }) => [c.id, c.editable])).toEqual([
      [site.community.id, false],
    ]);
    expect(mine.body.companies).toEqual([]);
  });
});

describe('buildings and units', () => {
  it('a manager creates a building and a unit with exact areas; another community finds neither', async () => {
    const b = await manager.call('POST', `${M}/buildings`, {
      body: { communityId: site.community.id, name: '8号楼', buildingType: '住宅', floors: 18 },
    });
    expect(b.status).toBe(201);
    expect((await strangerManager.call('POST', `${M}/units`, { body: unitBody(b.body.id) })).status).toBe(404);
    const u = await manager.call('POST', `${M}/units`, { body: unitBody(b.body.id, { developerHeld: true }) });
    expect(u.status).toBe(201);
    expect(u.body).toMatchObject({
      buildingArea: '120.37',
      exclusiveArea: '99.99',
      deliveredAt: '2025-03-01',
      developerHeld: true,
    });
    const row = await h.db.unit.findUniqueOrThrow({ where: { id: u.body.id } });
    expect(row.exclusiveArea.toFixed(2)).toBe('99.99');
    const again = await manager.call('POST', `${M}/units`, { body: unitBody(b.body.id) });
    expect([again.status, again.body.code]).toEqual([409, 'MASTER_DUPLICATE']);
    const bad = await manager.call('POST', `${M}/units`, { body: unitBody(b.body.id, { exclusiveArea: '120.38' }) });
    expect([bad.status, bad.body.details?.[0]?.message]).toEqual([400, '专有面积不能大于建筑面积']);

    const list = await manager.call('GET', `${M}/units?communityId=${site.community.id}&buildingId=${b.body.id}`);
    expect(list.body).toMatchObject({ total: 1, nextCursor: null });
    expect((await strangerManager.call('GET', `${M}/units?communityId=${site.community.id}`)).status).toBe(404);
    expect((await strangerManager.call('PATCH', `${M}/units/${u.body.id}`, { body: { floor: 3 } })).status).toBe(404);
    expect((await strangerManager.call('PATCH', `${M}/buildings/${b.body.id}`, { body: { floors: 3 } })).status).toBe(
      404,
    );
  });

  it('an area change needs a reason and is audited before/after; other changes are UNIT_CHANGE', async () => {
    const u = (await manager.call('POST', `${M}/units`, { body: unitBody(site.building.id, { number: '2301' }) })).body;
    const noReason = await manager.call('PATCH', `${M}/units/${u.id}`, { body: { exclusiveArea: '99.98' } });
    expect([noReason.status, noReason.body.details?.[0]?.path]).toEqual([400, 'reason']);
    const ok = await manager.call('PATCH', `${M}/units/${u.id}`, {
      body: { exclusiveArea: '99.98', areaSource: 'REGISTERED', floor: 23, reason: '取得产权证' },
    });
    expect(ok.body).toMatchObject({ exclusiveArea: '99.98', areaSource: 'REGISTERED', floor: 23 });
    const events = await h.db.auditEvent.findMany({ where: { subjectId: u.id }, orderBy: { kind: 'asc' } });
    expect(events.map((e) => [e.kind, e.before, e.after, e.reason, e.actorId])).toEqual([
      ['UNIT_ADD', null, expect.objectContaining({ exclusiveArea: '99.99' }), '新建房屋', manager.userId],
      [
        'UNIT_AREA',
        { exclusiveArea: '99.99', areaSource: 'SURVEYED' },
        { exclusiveArea: '99.98', areaSource: 'REGISTERED' },
        '取得产权证',
        manager.userId,
      ],
      ['UNIT_CHANGE', { floor: 12 }, { floor: 23 }, '取得产权证', manager.userId],
    ]);
    // The same area written as 99.980 is no change: nothing to audit.
    await manager.call('PATCH', `${M}/units/${u.id}`, { body: { exclusiveArea: '99.98' } });
    expect(await h.db.auditEvent.count({ where: { subjectId: u.id } })).toBe(3);
  });
});

describe('retiring', () => {
  it('a unit with bills is retired, never deleted: out of billing, the pickers and the arrears list; history stays', async () => {
    const local = await makeCommunity(h.db, { units: 2 });
    const boss = await staff(h, 'MANAGER', local.community);
    const [kept, gone] = local.units;
    await deliverUnits(h, [kept!.id, gone!.id]);
    const item = await addFeeItem(boss, local.community.id, {
      kind: 'PROPERTY',
      name: '物业服务费',
      amountFen: 235,
      cycle: 'MONTH',
    });
    const [past, next] = monthsFromNow(h, -3, 2);
    expect((await runBilling(boss, local.community.id, past!, [item.id])).created.bills).toBe(2);
    const arrearsOf = async () =>
      (await boss.call('GET', `/api/staff/communities/${local.community.id}/arrears`)).body.items.map(
        (r: { unitId: string }) => r.unitId,
      );
    expect((await arrearsOf()).sort()).toEqual([kept!.id, gone!.id].sort());

    const noReason = await boss.call('POST', `${M}/units/${gone!.id}/retire`, { body: {} });
    expect(noReason.status).toBe(400);
    const retired = await boss.call('POST', `${M}/units/${gone!.id}/retire`, { body: { reason: '两户合并' } });
    expect(retired.status).toBe(200);
    expect(retired.body.retiredAt).toBeTruthy();
    expect(await h.db.unit.count({ where: { id: gone!.id } })).toBe(1);
    expect(await h.db.bill.count({ where: { unitId: gone!.id } })).toBe(1);
    expect(
      await h.db.auditEvent.count({ where: { subjectId: gone!.id, kind: 'UNIT_RETIRE', reason: '两户合并' } }),
    ).toBe(1);

    expect(await arrearsOf()).toEqual([kept!.id]);
    expect((await runBilling(boss, local.community.id, next!, [item.id])).created.bills).toBe(1);
    const picker = await boss.call('GET', `/api/buildings/${local.building.id}/units`);
    expect(picker.body.items.map((u: { id: string }) => u.id)).toEqual([kept!.id]);
    const active = await boss.call('GET', `${M}/units?communityId=${local.community.id}`);
    const history = await boss.call('GET', `${M}/units?communityId=${local.community.id}&state=retired`);
    expect([active.body.total, history.body.items[0].id]).toEqual([1, gone!.id]);

    const again = await boss.call('PATCH', `${M}/units/${gone!.id}`, { body: { floor: 9 } });
    expect([again.status, again.body.code]).toEqual([409, 'MASTER_RETIRED']);
    const busy = await boss.call('POST', `${M}/buildings/${local.building.id}/retire`, { body: { reason: '拆除' } });
    expect([busy.status, busy.body.code]).toEqual([409, 'MASTER_IN_USE']);
  });

  it('parking: owner and area changes audited, area needs a reason; retired, the space stays as history', async () => {
    const [unit] = site.units;
    const p = await manager.call('POST', `${M}/parking`, {
      body: { communityId: site.community.id, number: `B-${Date.now()}`, kind: 'OWNED', area: '12.50' },
    });
    expect(p.body).toMatchObject({ area: '12.50', unitId: null });
    const foreign = await manager.call('PATCH', `${M}/parking/${p.body.id}`, {
      body: { unitId: stranger.units[0]!.id },
    });
    expect(foreign.status).toBe(404);
    const owned = await manager.call('PATCH', `${M}/parking/${p.body.id}`, { body: { unitId: unit!.id } });
    expect(owned.body.unit).toBe(`1号楼 ${unit!.number}`);
    expect((await manager.call('PATCH', `${M}/parking/${p.body.id}`, { body: { area: '12.60' } })).status).toBe(400);
    await manager.call('PATCH', `${M}/parking/${p.body.id}`, { body: { area: '12.60', reason: '重新测量' } });
    const events = await h.db.auditEvent.findMany({
      where: { subjectId: p.body.id, kind: 'PARKING_CHANGE' },
      orderBy: { at: 'asc' },
    });
    expect(events.map((e) => [e.before, e.after])).toEqual([
      [{ unitId: null }, { unitId: unit!.id }],
      [{ area: '12.50' }, { area: '12.60' }],
    ]);
    expect(
      (await strangerManager.call('POST', `${M}/parking/${p.body.id}/retire`, { body: { reason: '改为通道' } })).status,
    ).toBe(404);
    const retired = await manager.call('POST', `${M}/parking/${p.body.id}/retire`, { body: { reason: '改为通道' } });
    expect(retired.body.retiredAt).toBeTruthy();
    expect(await h.db.parkingSpace.count({ where: { id: p.body.id } })).toBe(1);
  });
});

describe('retiring a community', () => {
  it('by a company admin only, with a reason, once its bills are settled; then history: no billing, binds, repairs or edits', async () => {
    const local = await makeCommunity(h.db, { units: 1 });
    const [unit] = local.units;
    await deliverUnits(h, [unit!.id]);
    const boss = await staff(h, 'MANAGER', local.community);
    const owner = await resident(h, unit!);
    const bossAdmin = await staff(h, 'COMPANY_ADMIN', { companyId: local.companyId, id: null });
    const item = await addFeeItem(boss, local.community.id, {
      kind: 'PROPERTY',
      name: '物业服务费',
      amountFen: 235,
      cycle: 'MONTH',
    });
    const [past, next] = monthsFromNow(h, -3, 2);
    await runBilling(boss, local.community.id, past!, [item.id]);
    const retire = (who: Actor, body: object = { reason: '物业合同到期，移交新物业' }) =>
      who.call('POST', `${M}/communities/${local.community.id}/retire`, { body });

    expect((await retire(boss)).status).toBe(403); // its manager sees it, but it is not theirs to retire
    expect((await retire(admin)).status).toBe(404); // another company's admin finds nothing
    expect((await retire(bossAdmin, {})).status).toBe(400);
    const unpaid = await retire(bossAdmin);
    expect([unpaid.status, unpaid.body.code, unpaid.body.message]).toEqual([
      409,
      'MASTER_IN_USE',
      '小区还有 1 笔未缴账单，请先收齐或减免后再停用',
    ]);
    // The same bind request as after the retirement below: answered while the community is in use.
    const bindTenant = () =>
      boss.call('POST', '/api/units/bind-requests', { body: { unitId: unit!.id, relation: 'TENANT' } });
    const before = await bindTenant();
    expect([before.status, before.body.status], JSON.stringify(before.body)).toEqual([201, 'PENDING']);
    const bill = await h.db.bill.findFirstOrThrow({ where: { unitId: unit!.id } });
    const waived = await boss.call('POST', `/api/staff/bills/${bill.id}/waive`, { body: { reason: '移交前结清' } });
    expect(waived.status).toBe(200);

    const retired = await retire(bossAdmin);
    expect(retired.status, JSON.stringify(retired.body)).toBe(200);
    expect(retired.body).toMatchObject({ editable: false });
    expect(retired.body.retiredAt).toBeTruthy();
    const audit = await h.db.auditEvent.findFirstOrThrow({
      where: { subjectId: local.community.id, kind: 'COMMUNITY_RETIRE' },
    });
    expect([audit.actorId, audit.reason]).toEqual([bossAdmin.userId, '物业合同到期，移交新物业']);
    const twice = await retire(bossAdmin);
    expect([twice.status, twice.body.code]).toEqual([409, 'MASTER_RETIRED']);

    // History stays and is read at the desk.
    expect(await h.db.bill.count({ where: { communityId: local.community.id } })).toBe(1);
    const listed = await bossAdmin.call('GET', `${M}/communities`);
    expect(listed.body.items.find((c: { id: string }) => c.id === local.community.id)).toMatchObject({
      editable: false,
      retiredAt: retired.body.retiredAt,
    });
    expect((await boss.call('GET', `${M}/units?communityId=${local.community.id}`)).body.total).toBe(1);
    // Nothing new starts in it.
    const billing = await boss.call('POST', `/api/staff/communities/${local.community.id}/billing/runs`, {
      body: { period: next, feeItemIds: [item.id] },
    });
    expect([billing.status, billing.body.code]).toEqual([409, 'MASTER_RETIRED']);
    const edit = await bossAdmin.call('PATCH', `${M}/communities/${local.community.id}`, {
      body: { address: '新地址' },
    });
    expect([edit.status, edit.body.code]).toEqual([409, 'MASTER_RETIRED']);
    const add = await boss.call('POST', `${M}/units`, { body: unitBody(local.building.id, { number: '999' }) });
    expect([add.status, add.body.code]).toEqual([409, 'MASTER_RETIRED']);
    const repair = await owner.call('POST', '/api/repairs', { body: repairBody(unit!.id) });
    expect([repair.status, repair.body.code]).toEqual([409, 'MASTER_RETIRED']);
    // Residents' pickers no longer show it; a bind request for one of its units is "not found".
    const pickers = await owner.call('GET', '/api/communities');
    expect(pickers.body.items.map((c: { id: string }) => c.id)).not.toContain(local.community.id);
    expect((await owner.call('GET', `/api/communities/${local.community.id}/buildings`)).status).toBe(404);
    expect((await owner.call('GET', `/api/buildings/${local.building.id}/units`)).status).toBe(404);
    const bind = await bindTenant();
    expect([bind.status, bind.body.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('is refused while an election is under way', async () => {
    const local = await makeCommunity(h.db, { units: 1 });
    await deliverUnits(h, [local.units[0]!.id]);
    const committee = await staff(h, 'COMMITTEE_MEMBER', local.community);
    const bossAdmin = await staff(h, 'COMPANY_ADMIN', { companyId: local.companyId, id: null });
    const { id } = await draftElection(h, committee, local.community.id);
    expect((await committee.call('POST', `/api/committee/elections/${id}/steps/publish`)).status).toBe(200);
    const res = await bossAdmin.call('POST', `${M}/communities/${local.community.id}/retire`, {
      body: { reason: '物业合同到期' },
    });
    expect([res.status, res.body.code, res.body.message]).toEqual([
      409,
      'MASTER_IN_USE',
      '小区还有 1 项进行中的表决，请在计票结束后再停用',
    ]);
  });
});

describe('nothing new in a retired community', () => {
  it('a complaint filed for a caller while a retirement commits waits for it and is refused', async () => {
    const local = await makeCommunity(h.db, { units: 1 });
    const boss = await staff(h, 'MANAGER', local.community);
    // A retirement as retire() holds it: the community FOR UPDATE, retiredAt written, not yet committed.
    let release!: () => void;
    let locked!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const taken = new Promise<void>((r) => (locked = r));
    const retiring = h.db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT 1 FROM "Community" WHERE id = ${local.community.id}::uuid FOR UPDATE`;
        await tx.community.update({ where: { id: local.community.id }, data: { retiredAt: new Date() } });
        locked();
        await gate;
      },
      { timeout: 20_000 },
    );
    await taken;
    const filing = boss.call('POST', `/api/staff/communities/${local.community.id}/complaints`, {
      body: {
        place: '东门岗亭',
        kind: 'COMPLAINT',
        category: '服务态度',
        text: '保安态度不好',
        channel: 'PHONE',
        callerName: '张先生',
        callerPhone: '13800001234',
      },
    });
    await untilSomeoneWaitsOnALock(h.db);
    release();
    await retiring;
    const filed = await filing;
    expect([filed.status, filed.body.code]).toEqual([409, 'MASTER_RETIRED']);
    expect(await h.db.complaint.count({ where: { communityId: local.community.id } })).toBe(0);
  });

  it('the office files no complaint for a caller; a committee neither creates an election nor publishes a draft', async () => {
    const local = await makeCommunity(h.db, { units: 1 });
    await deliverUnits(h, [local.units[0]!.id]);
    const boss = await staff(h, 'MANAGER', local.community);
    const committee = await staff(h, 'COMMITTEE_MEMBER', local.community);
    const bossAdmin = await staff(h, 'COMPANY_ADMIN', { companyId: local.companyId, id: null });
    const complaints = `/api/staff/communities/${local.community.id}/complaints`;
    const caller = {
      place: '东门岗亭',
      kind: 'COMPLAINT',
      category: '服务态度',
      text: '保安态度不好',
      channel: 'PHONE',
      callerName: '张先生',
      callerPhone: '13800001234',
    };
    // Both are answered while the community is in use; a draft does not keep it from being retired.
    expect((await boss.call('POST', complaints, { body: caller })).status).toBe(201);
    const { id } = await draftElection(h, committee, local.community.id);
    const retired = await bossAdmin.call('POST', `${M}/communities/${local.community.id}/retire`, {
      body: { reason: '物业合同到期' },
    });
    expect(retired.status, JSON.stringify(retired.body)).toBe(200);

    const filed = await boss.call('POST', complaints, { body: caller });
    expect([filed.status, filed.body.code]).toEqual([409, 'MASTER_RETIRED']);
    const published = await committee.call('POST', `/api/committee/elections/${id}/steps/publish`);
    expect([published.status, published.body.code]).toEqual([409, 'MASTER_RETIRED']);
    expect((await h.db.election.findUniqueOrThrow({ where: { id } })).state).toBe('DRAFT');
    const created = await committee.call('POST', `/api/committee/communities/${local.community.id}/elections`, {
      body: {
        title: '续聘物业',
        kind: 'MATTER',
        description: '是否续聘现物业服务企业',
        closesAt: new Date(h.deps.clock.now().getTime() + 30 * 86_400_000).toISOString(),
      },
    });
    expect([created.status, created.body.code]).toEqual([409, 'MASTER_RETIRED']);
    expect(await h.db.complaint.count({ where: { communityId: local.community.id } })).toBe(1);
  });
});

describe('elections read the desk marks', () => {
  it('a retired unit is not on a new roster; one marked 开发商持有 votes as the developer', async () => {
    const local = await makeCommunity(h.db, { units: 3 });
    await deliverUnits(
      h,
      local.units.map((u) => u.id),
    );
    const boss = await staff(h, 'MANAGER', local.community);
    const committee = await staff(h, 'COMMITTEE_MEMBER', local.community);
    const [kept, held, gone] = local.units;
    expect((await boss.call('PATCH', `${M}/units/${held!.id}`, { body: { developerHeld: true } })).status).toBe(200);
    expect((await boss.call('POST', `${M}/units/${gone!.id}/retire`, { body: { reason: '拆除' } })).status).toBe(200);
    const { id } = await draftElection(h, committee, local.community.id);
    const published = await committee.call('POST', `/api/committee/elections/${id}/steps/publish`);
    expect(published.body.rosterUnits).toBe(2);
    const roster = await h.db.electionRosterEntry.findMany({
      where: { electionId: id },
      orderBy: { unitLabel: 'asc' },
    });
    expect(roster.map((r) => [r.unitId, r.developerHeld])).toEqual([
      [kept!.id, false],
      [held!.id, true],
    ]);
  });
});
