import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { TEST_APPID } from './support/harness.js';
import { useHarness } from './support/use-harness.js';
import { untilSomeoneWaitsOnALock } from './support/lock-wait.js';
import { resident, staff, type Actor } from './support/actors.js';
import {
  addFeeItem,
  cn,
  deliverUnits,
  makeCommunity,
  makeUser,
  monthsFromNow,
  runBilling,
  uniquePhone,
} from './support/factories/index.js';
import { isResidentOf, residentCommunitiesKey } from '../bff/src/units/resident-cache.js';
import { beijingDay } from '../bff/src/beijing.js';
import { transferInTx } from '../bff/src/units/record-transfer.js';

/** Issue 27, Owners and households (docs/roles.md, Owners and households): 过户 and the owner's household. */
const h = useHarness();

type Site = Awaited<ReturnType<typeof makeCommunity>>;
let site: Site;
let manager: Actor;

beforeAll(async () => {
  site = await makeCommunity(h.db, { units: 6 });
  manager = await staff(h, 'MANAGER', { id: site.community.id, companyId: site.companyId });
});

/** Someone signed in with a verified phone, bound to nothing yet. */
async function person(national = uniquePhone()) {
  const user = await makeUser(h.db, TEST_APPID);
  const token = await h.loginAs(user.openid);
  await h.bindPhone(token, national);
  return {
    userId: user.id,
    national,
    token,
    call: (method: string, path: string, opts: { body?: unknown } = {}) => h.call(method, path, { ...opts, token }),
  };
}
type Person = Awaited<ReturnType<typeof person>>;

async function askToJoin(who: Person, unitId: string, relation: 'FAMILY' | 'TENANT' | 'OWNER') {
  const res = await who.call('POST', '/api/units/bind-requests', { body: { unitId, relation } });
  expect(res.status).toBe(201);
  return res.body as { id: string; status: string };
}

const today = () => beijingDay(h.deps.clock.now());
const transfer = (by: { call: Actor['call'] }, unitId: string, body: Record<string, unknown>) =>
  by.call('POST', `/api/staff/units/${unitId}/transfers`, {
    body: { onDate: today(), reason: '二手房买卖', evidence: '不动产权证书 沪(2026)第 0012 号', ...body },
  });

describe('POST /api/staff/units/:unitId/transfers', () => {
  it('ends the seller’s memberships and the household they approved; their token no longer sees the unit or its bills', async () => {
    const unit = site.units[0]!;
    const seller = await resident(h, unit, { name: '原业主' });
    const family = await person();
    const req = await askToJoin(family, unit.id, 'FAMILY');
    expect(
      (
        await seller.call('POST', `/api/units/${unit.id}/household/${req.id}/decision`, {
          body: { decision: 'approve' },
        })
      ).status,
    ).toBe(200);
    expect(await isResidentOf(h.deps, family.userId, site.community.id)).toBe(true);
    expect((await seller.call('GET', `/api/bills?unitId=${unit.id}&status=unpaid`)).status).toBe(200);

    const buyer = uniquePhone();
    const res = await transfer(manager, unit.id, { owners: [{ name: '新业主', phone: buyer }] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ membershipsEnded: 2, ownersBound: 0 });

    for (const who of [seller, family]) {
      const bills = await h.call('GET', `/api/bills?unitId=${unit.id}&status=unpaid`, { token: who.token });
      expect([bills.status, bills.body.code]).toEqual([404, 'NOT_FOUND']);
      const members = await h.call('GET', `/api/units/${unit.id}/members`, { token: who.token });
      expect(members.status).toBe(404);
      expect(await isResidentOf(h.deps, who.userId, site.community.id)).toBe(false);
    }
    const mine = await seller.call('GET', '/api/units/bind-requests');
    expect(mine.body.items).toEqual([expect.objectContaining({ unitId: unit.id, status: 'ENDED' })]);

    const roster = await h.db.ownerRosterEntry.findMany({ where: { unitId: unit.id } });
    expect(roster.map((r) => [r.name, r.phone, r.relation])).toEqual([['新业主', cn(buyer), 'OWNER']]);
    const audit = await h.db.auditEvent.findFirstOrThrow({ where: { subjectId: unit.id, kind: 'OWNERSHIP_TRANSFER' } });
    expect(audit).toMatchObject({ actorId: manager.userId, companyId: site.companyId });
    expect(audit.before).toEqual({ owners: [{ name: '原业主', phone: seller.phone, relation: 'OWNER' }] });
    expect(audit.after).toMatchObject({ owners: [{ name: '新业主', phone: cn(buyer), relation: 'OWNER' }] });

    // The seller may ask again (e.g. as the buyer's tenant): an ended membership is re-filed.
    const again = await seller.call('POST', '/api/units/bind-requests', {
      body: { unitId: unit.id, relation: 'TENANT' },
    });
    expect(again.body.status).toBe('PENDING');
  });

  it('binds the new owner at once: an account already signed in at transfer, anyone else when they ask', async () => {
    const unit = site.units[1]!;
    await resident(h, unit);
    const waiting = await person();
    await askToJoin(waiting, unit.id, 'OWNER');
    const later = uniquePhone();
    const res = await transfer(manager, unit.id, {
      owners: [
        { name: '买方甲', phone: waiting.national },
        { name: '买方乙', phone: `+86 ${later}` },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body.ownersBound).toBe(1);
    const me = await waiting.call('GET', '/api/me');
    expect(me.body.units).toEqual([
      expect.objectContaining({ unitId: unit.id, status: 'VERIFIED', relation: 'OWNER' }),
    ]);
    expect(await isResidentOf(h.deps, waiting.userId, site.community.id)).toBe(true);

    const coOwner = await person(later);
    const bound = await askToJoin(coOwner, unit.id, 'OWNER');
    expect(bound).toMatchObject({ status: 'VERIFIED', autoApproved: true, relation: 'CO_OWNER' });
  });

  it('answers another community’s manager, a cashier and a resident exactly as for a unit that does not exist', async () => {
    const other = await makeCommunity(h.db, { units: 1 });
    const otherManager = await staff(h, 'MANAGER', { id: other.community.id, companyId: other.companyId });
    const cashier = await staff(h, 'CASHIER', { id: site.community.id, companyId: site.companyId });
    const owner = await resident(h, site.units[2]!);
    const body = { owners: [{ name: '某人', phone: uniquePhone() }] };
    for (const who of [otherManager, cashier, owner]) {
      const res = await transfer(who, site.units[2]!.id, body);
      expect([res.status, res.body.code]).toEqual([404, 'NOT_FOUND']);
      const list = await who.call('GET', `/api/staff/communities/${site.community.id}/transfers`);
      expect(list.status).toBe(404);
    }
    const missing = await transfer(manager, crypto.randomUUID(), body);
    expect([missing.status, missing.body.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('a company admin records it too; dates in the future or before the last transfer are refused', async () => {
    const admin = await staff(h, 'COMPANY_ADMIN', { id: null, companyId: site.companyId });
    const unit = site.units[3]!;
    const future = await transfer(admin, unit.id, {
      owners: [{ name: '甲', phone: uniquePhone() }],
      onDate: '2999-01-01',
    });
    expect([future.status, future.body.message]).toEqual([400, '过户日期不能晚于今天']);
    expect((await transfer(admin, unit.id, { owners: [{ name: '甲', phone: uniquePhone() }] })).status).toBe(201);
    const earlier = await transfer(admin, unit.id, {
      owners: [{ name: '乙', phone: uniquePhone() }],
      onDate: '2020-01-01',
    });
    expect([earlier.status, earlier.body.code]).toEqual([409, 'TRANSFER_OUT_OF_ORDER']);
    const list = await manager.call('GET', `/api/staff/communities/${site.community.id}/transfers?limit=1`);
    expect(list.status).toBe(200);
    expect(list.body.items[0]).toMatchObject({ unitId: unit.id, unit: '1号楼 401', buyers: [{ relation: 'OWNER' }] });
    expect(list.body.items[0].buyers[0].phone).toMatch(/\*{4}/);
    expect(list.body.total).toBeGreaterThanOrEqual(2);
    expect(list.body.nextCursor).not.toBeNull();
  });

  it('a sale keeps no seller among the buyers: adding a co-owner is a change of the roster', async () => {
    const own = await makeCommunity(h.db, { units: 1 });
    const unit = own.units[0]!;
    const office = await staff(h, 'MANAGER', { id: own.community.id, companyId: own.companyId });
    const seller = uniquePhone();
    expect((await transfer(office, unit.id, { owners: [{ name: '原业主', phone: seller }] })).status).toBe(201);
    const kept = await transfer(office, unit.id, {
      owners: [
        { name: '原业主', phone: seller },
        { name: '新共有人', phone: uniquePhone() },
      ],
    });
    expect([kept.status, kept.body.code]).toEqual([409, 'TRANSFER_SAME_OWNERS']);
    expect(await h.db.ownershipTransfer.count({ where: { unitId: unit.id } })).toBe(1);
  });

  it('two recordings of the same sale at once: one is written, the other finds it done', async () => {
    const unit = site.units[4]!;
    const seller = await resident(h, unit);
    const body = { owners: [{ name: '买方', phone: uniquePhone() }] };
    const results = await Promise.all([transfer(manager, unit.id, body), transfer(manager, unit.id, body)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)!.body.code).toBe('TRANSFER_SAME_OWNERS');
    expect(await h.db.ownershipTransfer.count({ where: { unitId: unit.id } })).toBe(1);
    expect(await h.db.ownerRosterEntry.count({ where: { unitId: unit.id } })).toBe(1);
    expect(await h.db.auditEvent.count({ where: { subjectId: unit.id, kind: 'OWNERSHIP_TRANSFER' } })).toBe(1);
    const m = await h.db.unitMembership.findFirstOrThrow({ where: { unitId: unit.id, userId: seller.userId } });
    expect(m.status).toBe('ENDED');
  });
});

describe('a transfer whose resident cache cannot be refreshed', () => {
  it('is still saved and answered 201; the other people’s caches are refreshed and the failure is logged', async () => {
    const own = await makeCommunity(h.db, { units: 1 });
    const unit = own.units[0]!;
    const office = await staff(h, 'MANAGER', { id: own.community.id, companyId: own.companyId });
    const seller = await resident(h, unit, { name: '原业主' });
    const buyer = await person();
    // Redis refuses the seller's cache write only (as if it went down mid-way).
    const sellerKey = residentCommunitiesKey(seller.userId);
    const realMulti = h.deps.redis.multi.bind(h.deps.redis);
    const spy = vi.spyOn(h.deps.redis, 'multi').mockImplementation(((...args: Parameters<typeof realMulti>) => {
      const chain = realMulti(...args);
      const sadd = chain.sadd.bind(chain) as (...a: unknown[]) => typeof chain;
      (chain as unknown as { sadd: unknown }).sadd = (key: string, ...rest: unknown[]) => {
        if (key === sellerKey) chain.exec = () => Promise.reject(new Error('redis down'));
        return sadd(key, ...rest);
      };
      return chain;
    }) as typeof h.deps.redis.multi);
    const errors = vi.spyOn(h.deps.logger, 'error');
    try {
      const res = await transfer(office, unit.id, { owners: [{ name: '新业主', phone: buyer.national }] });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ membershipsEnded: 1, ownersBound: 1 });
    } finally {
      spy.mockRestore();
    }
    expect(await h.db.ownershipTransfer.count({ where: { unitId: unit.id } })).toBe(1);
    expect(await isResidentOf(h.deps, buyer.userId, own.community.id)).toBe(true);
    expect(errors).toHaveBeenCalledWith(
      expect.objectContaining({ userId: seller.userId, unitId: unit.id }),
      'resident cache refresh after transfer failed',
    );
    errors.mockRestore();
  });
});

describe('changes racing a transfer', () => {
  it('wait for the unit’s row lock and re-check: an owner ended meanwhile cannot approve, a phone taken off the roster is not bound', async () => {
    const own = await makeCommunity(h.db, { units: 1 });
    const unit = own.units[0]!;
    const seller = await resident(h, unit, { name: '原业主' });
    const wife = await person();
    const req = await askToJoin(wife, unit.id, 'FAMILY');
    const late = await person();
    await h.db.ownerRosterEntry.create({
      data: { unitId: unit.id, name: '共有人', phone: cn(late.national), relation: 'CO_OWNER' },
    });

    // As a transfer does, under the unit's lock: end the seller's membership and replace the roster. The
    // seller's approval and the co-owner's bind request arrive while the lock is held.
    let approve!: Promise<{ status: number }>;
    let bind!: Promise<{ status: number; body: { status: string } }>;
    await h.db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT 1 FROM "Unit" WHERE id = ${unit.id}::uuid FOR UPDATE`;
      approve = seller.call('POST', `/api/units/${unit.id}/household/${req.id}/decision`, {
        body: { decision: 'approve' },
      });
      bind = late.call('POST', '/api/units/bind-requests', { body: { unitId: unit.id, relation: 'OWNER' } });
      await untilSomeoneWaitsOnALock(h.db, 2);
      await tx.unitMembership.updateMany({
        where: { unitId: unit.id, userId: seller.userId },
        data: { status: 'ENDED', endedAt: new Date() },
      });
      await tx.ownerRosterEntry.deleteMany({ where: { unitId: unit.id } });
    });
    expect((await approve).status).toBe(404);
    const bound = await bind;
    expect([bound.status, bound.body.status]).toEqual([201, 'PENDING']);
    expect(await h.db.unitMembership.findUniqueOrThrow({ where: { id: req.id } })).toMatchObject({ status: 'PENDING' });
  });
});

/**
 * Resolves true once a request of this test's database waits on a row lock, false if `settled` first
 * (the request went through without waiting). pg_stat_activity is read on another connection.
 */
async function waitsOnLock(settled: Promise<unknown>): Promise<boolean> {
  let done = false;
  void settled.finally(() => (done = true));
  for (const until = Date.now() + 10_000; Date.now() < until && !done;) {
    const [row] = await h.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%FROM "Unit"%'`;
    if (row!.n > 0) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}

describe('a resident’s pay order racing a transfer', () => {
  it('waits for the unit’s lock and re-reads the transfer: a bill made the seller’s meanwhile is never in an order', async () => {
    const own = await makeCommunity(h.db, { units: 1 });
    const unit = own.units[0]!;
    await deliverUnits(h, [unit.id]);
    const office = await staff(h, 'MANAGER', { id: own.community.id, companyId: own.companyId });
    // A member the transfer leaves in place (as a tenant the office approved would be): only the date decides.
    const payer = await resident(h, unit);
    const item = await addFeeItem(office, own.community.id, {
      kind: 'PROPERTY',
      name: '物业服务费',
      amountFen: 235,
      cycle: 'MONTH',
    });
    await runBilling(office, own.community.id, monthsFromNow(h, -2, 1)[0]!, [item.id]);
    const bill = await h.db.bill.findFirstOrThrow({ where: { unitId: unit.id } });

    // As a transfer does (record-transfer.ts): the unit's row locked, the transfer written, then the commit.
    // The order is asked for while the lock is held; before the fix it read "no transfer" and went ahead.
    let order!: Promise<{ status: number; body: { code?: string } }>;
    let waited = false;
    await h.db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT 1 FROM "Unit" WHERE id = ${unit.id}::uuid FOR UPDATE`;
        order = payer.call('POST', '/api/pay/orders', { body: { billIds: [bill.id] } });
        waited = await waitsOnLock(order);
        await tx.ownershipTransfer.create({
          data: {
            communityId: own.community.id,
            unitId: unit.id,
            onDate: today(),
            sellers: [],
            buyers: [],
            reason: '二手房买卖',
            evidence: '不动产权证书',
            recordedById: office.userId,
            recordedAt: h.deps.clock.now(),
          },
        });
      },
      { timeout: 20_000 },
    );
    const res = await order;
    expect([waited, res.status, res.body.code]).toEqual([true, 409, 'SELLER_BILL']);
    expect(await h.db.payOrder.count({ where: { items: { some: { billId: bill.id } } } })).toBe(0);
    expect(await h.db.bill.findUniqueOrThrow({ where: { id: bill.id } })).toMatchObject({
      state: 'UNPAID',
      lockedOrderId: null,
    });
  });

  it('an order made before the transfer is not resumed for what became the seller’s', async () => {
    const own = await makeCommunity(h.db, { units: 1 });
    const unit = own.units[0]!;
    await deliverUnits(h, [unit.id]);
    const office = await staff(h, 'MANAGER', { id: own.community.id, companyId: own.companyId });
    const payer = await resident(h, unit);
    const item = await addFeeItem(office, own.community.id, {
      kind: 'PROPERTY',
      name: '物业服务费',
      amountFen: 235,
      cycle: 'MONTH',
    });
    await runBilling(office, own.community.id, monthsFromNow(h, -2, 1)[0]!, [item.id]);
    const bill = await h.db.bill.findFirstOrThrow({ where: { unitId: unit.id } });
    expect((await payer.call('POST', '/api/pay/orders', { body: { billIds: [bill.id] } })).status).toBe(201);
    const buyer = await person();
    expect((await transfer(office, unit.id, { owners: [{ name: '买方', phone: buyer.national }] })).status).toBe(201);
    // The tenant the office approved stays a member; the bill is the seller's now.
    await h.db.unitMembership.updateMany({
      where: { unitId: unit.id, userId: payer.userId },
      data: { status: 'VERIFIED', relation: 'TENANT', endedAt: null },
    });
    const again = await payer.call('POST', '/api/pay/orders', { body: { billIds: [bill.id] } });
    expect([again.status, again.body.code]).toEqual([409, 'SELLER_BILL']);
  });
});

describe('bills after a transfer', () => {
  it('shows what was owed for periods begun before the date as the seller’s, to the buyer and the office', async () => {
    const own = await makeCommunity(h.db, { units: 1 });
    const unit = own.units[0]!;
    await deliverUnits(h, [unit.id]);
    const office = await staff(h, 'MANAGER', { id: own.community.id, companyId: own.companyId });
    await resident(h, unit);
    const item = await addFeeItem(office, own.community.id, {
      kind: 'PROPERTY',
      name: '物业服务费',
      amountFen: 235,
      cycle: 'MONTH',
    });
    const months = monthsFromNow(h, -3, 3);
    for (const m of months) await runBilling(office, own.community.id, m, [item.id]);

    const buyer = await person();
    // On the 1st of the last month: the months before it are the seller’s, that month is the buyer’s.
    const cut = `${months[2]}-01`;
    expect(
      (await transfer(office, unit.id, { owners: [{ name: '买方', phone: buyer.national }], onDate: cut })).status,
    ).toBe(201);

    const mine = await buyer.call('GET', `/api/bills?unitId=${unit.id}&status=unpaid`);
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((b: { period: string; seller: boolean }) => [b.period, b.seller])).toEqual([
      [months[0], true],
      [months[1], true],
      [months[2], false],
    ]);
    const desk = await office.call(
      'GET',
      `/api/staff/communities/${own.community.id}/bills?unitId=${unit.id}&status=unpaid`,
    );
    expect(desk.body.items.filter((b: { seller: boolean }) => b.seller)).toHaveLength(2);
    // The office's total is the unit's whole debt, the seller's part named within it.
    expect(desk.body.totalFen).toBe(
      desk.body.items.reduce((s: number, b: { payableFen: number }) => s + b.payableFen, 0),
    );
    expect(desk.body.sellerFen).toBeGreaterThan(0);

    const summary = await buyer.call('GET', '/api/bills/summary');
    const row = summary.body.units.find((u: { unitId: string }) => u.unitId === unit.id);
    expect(row).toMatchObject({ openBills: 1, sellerBills: 2 });
    expect(row.overdueBills).toBeLessThanOrEqual(1);

    // The list's total agrees with the summary: the buyer's own bills; the seller's are counted apart.
    const ownBills = mine.body.items.filter((b: { seller: boolean }) => !b.seller);
    const sellers = mine.body.items.filter((b: { seller: boolean }) => b.seller);
    const sum = (bs: { payableFen: number }[]) => bs.reduce((s, b) => s + b.payableFen, 0);
    expect(mine.body).toMatchObject({
      total: 1,
      totalFen: sum(ownBills),
      sellerBills: 2,
      sellerFen: sum(sellers),
    });
    expect(mine.body.totalFen).toBe(row.openFen + ownBills[0].lateFeeFen);

    // The buyer cannot pay the seller's arrears from the phone, alone or with their own bill.
    for (const billIds of [[sellers[0].id], [ownBills[0].id, sellers[1].id]]) {
      const refused = await buyer.call('POST', '/api/pay/orders', { body: { billIds } });
      expect([refused.status, refused.body.code]).toEqual([409, 'SELLER_BILL']);
    }
    expect((await buyer.call('POST', '/api/pay/orders', { body: { billIds: [ownBills[0].id] } })).status).toBe(201);

    // A seller's settled bill (its waiver reason too) stays out of the buyer's history; the office still sees it.
    expect(
      (await office.call('POST', `/api/staff/bills/${sellers[0].id}/waive`, { body: { reason: '与前业主协商减免' } }))
        .status,
    ).toBe(200);
    const paid = await buyer.call('GET', `/api/bills?unitId=${unit.id}&status=paid`);
    expect([paid.status, paid.body.total, paid.body.items]).toEqual([200, 0, []]);
    const deskPaid = await office.call(
      'GET',
      `/api/staff/communities/${own.community.id}/bills?unitId=${unit.id}&status=paid`,
    );
    expect(deskPaid.body.items.map((b: { id: string; seller: boolean }) => [b.id, b.seller])).toEqual([
      [sellers[0].id, true],
    ]);
  });
});

describe('arrears after a transfer', () => {
  it('the arrears list keeps the unit’s whole debt with the seller’s part apart; reminders to the buyer leave it out', async () => {
    const own = await makeCommunity(h.db, { units: 2 });
    const [split, sellersOnly] = own.units as [Site['units'][number], Site['units'][number]];
    await deliverUnits(h, [split.id, sellersOnly.id]);
    const office = await staff(h, 'MANAGER', { id: own.community.id, companyId: own.companyId });
    const item = await addFeeItem(office, own.community.id, {
      kind: 'PROPERTY',
      name: '物业服务费',
      amountFen: 235,
      cycle: 'MONTH',
    });
    const months = monthsFromNow(h, -6, 4);
    for (const m of months) await runBilling(office, own.community.id, m, [item.id]);

    const buyer = await person();
    const cut = `${months[2]}-01`;
    const t1 = await transfer(office, split.id, { owners: [{ name: '买方', phone: buyer.national }], onDate: cut });
    expect([t1.status, t1.body.ownersBound]).toEqual([201, 1]);
    const t2 = await transfer(office, sellersOnly.id, { owners: [{ name: '买方二', phone: uniquePhone() }] });
    expect(t2.status).toBe(201);

    const base = `/api/staff/communities/${own.community.id}`;
    // Every month's bill of a unit is the same (its area × the rate).
    const monthly = async (unitId: string) => (await h.db.bill.findFirstOrThrow({ where: { unitId } })).amountFen;
    const [a, b] = [await monthly(split.id), await monthly(sellersOnly.id)];
    const listed = (await office.call('GET', `${base}/arrears`)).body.items as {
      unitId: string;
      bills: number;
      amountFen: number;
      sellerFen: number;
    }[];
    expect(listed.find((r) => r.unitId === split.id)).toMatchObject({
      bills: 4,
      amountFen: 4 * a,
      sellerFen: 2 * a,
    });
    expect(listed.find((r) => r.unitId === sellersOnly.id)).toMatchObject({
      bills: 4,
      amountFen: 4 * b,
      sellerFen: 4 * b,
    });

    // The export: each unit's whole debt, the current owner's part and the former owner's (前业主欠费), the
    // parts adding up to the whole. Expected amounts from the bills themselves, the rule written out here.
    const onDates = new Map([
      [split.id, cut],
      [sellersOnly.id, today()],
    ]);
    const owed = await h.db.bill.findMany({
      where: {
        unitId: { in: [split.id, sellersOnly.id] },
        payer: 'OWNER',
        state: { in: ['UNPAID', 'PAYING'] },
        dueAt: { lt: h.deps.clock.now() },
      },
    });
    const expected = (unitId: string) => {
      const bills = owed.filter((x) => x.unitId === unitId);
      const sellers = bills.filter((x) => `${x.firstMonth}-01` < onDates.get(unitId)!);
      const fen = (xs: typeof bills) => xs.reduce((s, x) => s + x.amountFen, 0);
      return { whole: fen(bills), own: fen(bills) - fen(sellers), seller: fen(sellers) };
    };
    const number = (unitId: string) => own.units.find((u) => u.id === unitId)!.number;
    const xlsx = await fetch(`${h.url}${base}/arrears/export?format=xlsx`, {
      headers: { authorization: `Bearer ${office.token}` },
    });
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('欠费清单')!;
    expect((sheet.getRow(1).values as unknown[]).slice(7)).toEqual([
      '欠费金额（元）',
      '本业主欠费（元）',
      '前业主欠费（元）',
    ]);
    const rows = sheet.getRows(2, sheet.rowCount - 1)!;
    for (const unitId of [split.id, sellersOnly.id]) {
      const row = rows.find((r) => r.getCell(2).value === number(unitId))!;
      const [whole, mine, sellers] = [row.getCell(7), row.getCell(8), row.getCell(9)];
      const e = expected(unitId);
      expect([whole.value, mine.value, sellers.value]).toEqual([e.whole / 100, e.own / 100, e.seller / 100]);
      expect([mine.numFmt, sellers.numFmt]).toEqual(['"¥"#,##0.00', '"¥"#,##0.00']);
      expect(e.own + e.seller).toBe(e.whole);
    }
    expect(expected(split.id)).toEqual({ whole: 4 * a, own: 2 * a, seller: 2 * a });
    const csv = await fetch(`${h.url}${base}/arrears/export?format=csv`, {
      headers: { authorization: `Bearer ${office.token}` },
    });
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]!.split(',').slice(6)).toEqual(['欠费金额（元）', '本业主欠费（元）', '前业主欠费（元）']);
    for (const unitId of [split.id, sellersOnly.id]) {
      const cells = lines.find((l) => l.split(',')[1] === number(unitId))!.split(',');
      const e = expected(unitId);
      expect(cells.slice(6)).toEqual([e.whole, e.own, e.seller].map((f) => (f / 100).toFixed(2)));
    }

    const sent = await office.call('POST', `${base}/arrears/reminders`, {
      body: { unitIds: [split.id, sellersOnly.id] },
    });
    expect(sent.status).toBe(200);
    expect(sent.body.results.map((r: { outcome: string }) => r.outcome)).toEqual(['SENT', 'NOT_IN_ARREARS']);
    expect(await h.db.arrearsReminder.findFirstOrThrow({ where: { unitId: split.id } })).toMatchObject({
      amountFen: 2 * a,
      bills: 2,
      oldestPeriod: months[2],
      recipients: 1,
    });
  });
});

describe('a retired unit or community', () => {
  it('records no sale at the desk (409 MASTER_RETIRED), as the import would not', async () => {
    const own = await makeCommunity(h.db, { units: 2 });
    const [unit, other] = own.units as [Site['units'][number], Site['units'][number]];
    const office = await staff(h, 'MANAGER', { id: own.community.id, companyId: own.companyId });
    const admin = await staff(h, 'COMPANY_ADMIN', { id: null, companyId: own.companyId });
    const sale = () => ({ owners: [{ name: '买方', phone: uniquePhone() }] });
    const retiredUnit = await office.call('POST', `/api/staff/master/units/${unit.id}/retire`, {
      body: { reason: '两户合并' },
    });
    expect(retiredUnit.status).toBe(200);
    const onUnit = await transfer(office, unit.id, sale());
    expect([onUnit.status, onUnit.body.code]).toEqual([409, 'MASTER_RETIRED']);
    const retired = await admin.call('POST', `/api/staff/master/communities/${own.community.id}/retire`, {
      body: { reason: '物业合同到期' },
    });
    expect(retired.status, JSON.stringify(retired.body)).toBe(200);
    const inCommunity = await transfer(office, other.id, sale());
    expect([inCommunity.status, inCommunity.body.code]).toEqual([409, 'MASTER_RETIRED']);
    expect(await h.db.ownershipTransfer.count({ where: { communityId: own.community.id } })).toBe(0);
  });
});

describe('a reminder racing a sale', () => {
  it('reads what is owed under the unit lock: a sale committing meanwhile leaves the seller’s bills out', async () => {
    const own = await makeCommunity(h.db, { units: 1 });
    const unit = own.units[0]!;
    await deliverUnits(h, [unit.id]);
    const office = await staff(h, 'MANAGER', { id: own.community.id, companyId: own.companyId });
    await resident(h, unit, { name: '卖方' });
    const item = await addFeeItem(office, own.community.id, {
      kind: 'PROPERTY',
      name: '物业服务费',
      amountFen: 235,
      cycle: 'MONTH',
    });
    for (const m of monthsFromNow(h, -3, 2)) await runBilling(office, own.community.id, m, [item.id]);

    // The desk's sale, held open after it took the unit's lock: every bill so far becomes the seller's.
    let release!: () => void;
    let locked!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const taken = new Promise<void>((r) => (locked = r));
    const where = {
      companyId: own.companyId,
      communityId: own.community.id,
      actorId: office.userId,
      now: h.deps.clock.now(),
    };
    const sale = h.db.$transaction(
      async (tx) => {
        await transferInTx(tx, where, {
          unitId: unit.id,
          onDate: today(),
          buyers: [{ name: '买方', phone: `+86${uniquePhone()}`, relation: 'OWNER' }],
          reason: '二手房买卖',
          evidence: '不动产权证书',
        });
        locked();
        await gate;
      },
      { timeout: 20_000 },
    );
    await taken;
    const reminding = office.call('POST', `/api/staff/communities/${own.community.id}/arrears/reminders`, {
      body: { unitIds: [unit.id] },
    });
    await untilSomeoneWaitsOnALock(h.db);
    release();
    await sale;
    const sent = await reminding;
    expect(sent.status).toBe(200);
    expect(sent.body.results.map((r: { outcome: string }) => r.outcome)).toEqual(['NOT_IN_ARREARS']);
    expect(await h.db.arrearsReminder.count({ where: { unitId: unit.id } })).toBe(0);
  });
});

describe('the owner’s household', () => {
  it('an owner of record approves, rejects and removes; a family member cannot; the office queue keeps only owner claims', async () => {
    const unit = site.units[5]!;
    const owner = await resident(h, unit);
    const wife = await person();
    const tenant = await person();
    const stranger = await person();
    const claimant = await person();
    const wifeReq = await askToJoin(wife, unit.id, 'FAMILY');
    const tenantReq = await askToJoin(tenant, unit.id, 'TENANT');
    const strangerReq = await askToJoin(stranger, unit.id, 'FAMILY');
    const claim = await askToJoin(claimant, unit.id, 'OWNER');

    const queue = await manager.call('GET', `/api/staff/communities/${site.community.id}/bind-requests?limit=100`);
    const queued = queue.body.items.map((r: { id: string }) => r.id);
    expect(queued).toContain(claim.id);
    expect(queued).not.toContain(wifeReq.id);
    const byOffice = await manager.call('POST', `/api/staff/bind-requests/${wifeReq.id}/decision`, {
      body: { decision: 'approve' },
    });
    expect([byOffice.status, byOffice.body.code]).toEqual([409, 'OWNER_DECIDES']);

    const household = await owner.call('GET', `/api/units/${unit.id}/household`);
    expect(household.body.pending.map((r: { membershipId: string }) => r.membershipId)).toEqual([
      wifeReq.id,
      tenantReq.id,
      strangerReq.id,
    ]);
    const decide = (who: { call: Actor['call'] }, id: string, body: object) =>
      who.call('POST', `/api/units/${unit.id}/household/${id}/decision`, { body });
    expect((await decide(owner, wifeReq.id, { decision: 'approve' })).body.status).toBe('VERIFIED');
    // A family member is no owner of record: the household is not theirs to run.
    const byWife = await decide(wife, tenantReq.id, { decision: 'approve' });
    expect([byWife.status, byWife.body.code]).toEqual([404, 'NOT_FOUND']);
    expect((await wife.call('GET', `/api/units/${unit.id}/household`)).status).toBe(404);
    expect((await decide(owner, tenantReq.id, { decision: 'approve' })).status).toBe(200);
    const rejected = await decide(owner, strangerReq.id, { decision: 'reject', reason: '不认识此人' });
    expect(rejected.body.status).toBe('REJECTED');
    expect((await decide(owner, strangerReq.id, { decision: 'approve' })).body.code).toBe('ALREADY_DECIDED');
    // Owner claims are the office's, never the owner's.
    expect((await decide(owner, claim.id, { decision: 'reject', reason: '不是' })).status).toBe(404);
    expect((await stranger.call('GET', '/api/units/bind-requests')).body.items[0]).toMatchObject({
      status: 'REJECTED',
      rejectReason: '不认识此人',
    });

    expect(await isResidentOf(h.deps, tenant.userId, site.community.id)).toBe(true);
    const removed = await owner.call('POST', `/api/units/${unit.id}/household/${tenantReq.id}/removal`, {
      body: { reason: '租约到期' },
    });
    expect(removed.body.status).toBe('ENDED');
    expect(await isResidentOf(h.deps, tenant.userId, site.community.id)).toBe(false);
    expect((await tenant.call('GET', `/api/bills?unitId=${unit.id}&status=unpaid`)).status).toBe(404);
    const ownerRow = await h.db.unitMembership.findFirstOrThrow({ where: { unitId: unit.id, userId: owner.userId } });
    const self = await owner.call('POST', `/api/units/${unit.id}/household/${ownerRow.id}/removal`, { body: {} });
    expect(self.status).toBe(404);
    const left = await owner.call('GET', `/api/units/${unit.id}/household`);
    expect(left.body).toMatchObject({ pending: [], members: [{ membershipId: wifeReq.id, relation: 'FAMILY' }] });
  });

  it('a unit without its owner of record in the app leaves family requests with the office', async () => {
    const other = await makeCommunity(h.db, { units: 1 });
    const office = await staff(h, 'MANAGER', { id: other.community.id, companyId: other.companyId });
    const kid = await person();
    const req = await askToJoin(kid, other.units[0]!.id, 'FAMILY');
    const queue = await office.call('GET', `/api/staff/communities/${other.community.id}/bind-requests`);
    expect(queue.body.items.map((r: { id: string }) => r.id)).toEqual([req.id]);
    const ok = await office.call('POST', `/api/staff/bind-requests/${req.id}/decision`, {
      body: { decision: 'approve' },
    });
    expect(ok.body.status).toBe('VERIFIED');
  });
});
