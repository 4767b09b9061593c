import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../bff/src/clock.js';
import { atBeijing } from '../bff/src/beijing.js';
import { useHarness } from './support/use-harness.js';
import { staff, type Actor } from './support/actors.js';
import { addFeeItem, deliverUnits, makeCommunity, makeRepairs, runBilling } from './support/factories/index.js';

/**
 * The company admin's comparison of its communities (#26, GET /api/company/communities/compare):
 * collection rate of the period, repair SLA attainment of the last 30 days, repairs open now — for the
 * communities of the admin's own company only.
 */
const clock = new ManualClock(atBeijing('2026-11-20', 10 * 60)); // a fixed instant, not today
const h = useHarness({ clock });
type Site = Awaited<ReturnType<typeof makeCommunity>>;
let A1: Site;
let A2: Site;
let B1: Site;
let adminA: Actor;
let adminB: Actor;
let cashierA1: Actor;
const compare = (who: Actor, query = '') => who.call('GET', `/api/company/communities/compare${query}`);

beforeAll(async () => {
  A1 = await makeCommunity(h.db, { units: 2 });
  A2 = await makeCommunity(h.db, { companyId: A1.companyId, units: 1 });
  B1 = await makeCommunity(h.db, { units: 1 });
  adminA = await staff(h, 'COMPANY_ADMIN', { id: null, companyId: A1.companyId });
  adminB = await staff(h, 'COMPANY_ADMIN', { id: null, companyId: B1.companyId });
  cashierA1 = await staff(h, 'CASHIER', { id: A1.community.id, companyId: A1.companyId });
  const manager = await staff(h, 'MANAGER', { id: A1.community.id, companyId: A1.companyId });
  // November's property fee on A1's two units; one of them paid in full: 50.0 %.
  await deliverUnits(
    h,
    A1.units.map((u) => u.id),
  );
  const item = await addFeeItem(manager, A1.community.id, {
    kind: 'PROPERTY',
    name: '物业服务费',
    amountFen: 235,
    cycle: 'MONTH',
  });
  await runBilling(cashierA1, A1.community.id, '2026-11', [item.id]);
  await h.db
    .$executeRaw`UPDATE "Bill" SET "paidFen" = "amountFen", "state" = 'PAID' WHERE "unitId" = ${A1.units[0]!.id}::uuid`;
  // Repairs in A1: two open, one closed; of the two accepted, one on time and one late.
  const at = { communityId: A1.community.id, unitId: A1.units[0]!.id, reporterId: manager.userId, assigneeId: null };
  const open = await makeRepairs(h.db, { ...at, status: 'SUBMITTED' }, 2);
  await makeRepairs(h.db, { ...at, status: 'CLOSED' }, 1);
  const filed = new Date(clock.now().getTime() - 86_400_000);
  await h.db.repairRequest.updateMany({ where: { communityId: A1.community.id }, data: { filedAt: filed } });
  const due = new Date(filed.getTime() + 15 * 60_000);
  await h.db.repairRequest.update({
    where: { id: open[0]! },
    data: { status: 'ACCEPTED', acceptDueAt: due, acceptedAt: new Date(due.getTime() - 60_000) },
  });
  await h.db.repairRequest.update({
    where: { id: open[1]! },
    data: { status: 'ACCEPTED', acceptDueAt: due, acceptedAt: new Date(due.getTime() + 60_000) },
  });
  // B1 (another company) has an open repair of its own.
  await makeRepairs(
    h.db,
    {
      communityId: B1.community.id,
      unitId: B1.units[0]!.id,
      reporterId: adminB.userId,
      assigneeId: null,
      status: 'SUBMITTED',
    },
    1,
  );
});

describe('company communities compared', () => {
  it("gives the company admin each of the company's communities: collection rate, SLA attainment, open repairs", async () => {
    const res = await compare(adminA, '?period=2026-11');
    expect(res.status).toBe(200);
    expect(res.body.period).toBe('2026-11');
    expect(res.body.slaDays).toBe(30);
    const byId = Object.fromEntries(res.body.communities.map((c: { id: string }) => [c.id, c]));
    expect(Object.keys(byId).sort()).toEqual([A1.community.id, A2.community.id].sort());
    expect(byId[A1.community.id]).toEqual({
      id: A1.community.id,
      name: A1.community.name,
      billedFen: 2 * 23171,
      collectedFen: 23171,
      collectionPermille: 500,
      repairsFiled: 3,
      slaOnTime: 1,
      slaLate: 1,
      slaPermille: 500,
      openRepairs: 2,
    });
    // Nothing billed, nothing filed: no rate rather than 0 %.
    expect(byId[A2.community.id]).toMatchObject({ collectionPermille: null, slaPermille: null, openRepairs: 0 });
    // Without a period: this Beijing month (by the clock), the same figures.
    expect((await compare(adminA)).body).toMatchObject({ period: '2026-11' });
  });

  it("another company's admin gets nothing of ours; a community's cashier is no company admin", async () => {
    const other = await compare(adminB, '?period=2026-11');
    expect(other.status).toBe(200);
    expect(other.body.communities.map((c: { id: string }) => c.id)).toEqual([B1.community.id]);
    expect(other.body.communities[0]).toMatchObject({ openRepairs: 1, collectionPermille: null });
    const cashier = await compare(cashierA1);
    expect([cashier.status, cashier.body]).toEqual([404, { code: 'NOT_FOUND', message: '公司不存在' }]);
  });

  it('refuses a malformed period with a Chinese message', async () => {
    const res = await compare(adminA, '?period=2026-13');
    expect(res.status).toBe(400);
    expect(res.body.details[0].message).toMatch(/账期格式/);
  });
});
