import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../bff/src/clock.js';
import { atBeijing } from '../bff/src/beijing.js';
import { useHarness } from './support/use-harness.js';
import { staff, type Actor } from './support/actors.js';
import {
  addFeeItem,
  deliverUnits,
  makeCommunity,
  runBilling,
  seedStatsMonth,
  type StatsSeed,
} from './support/factories/index.js';

/**
 * The figures a manager is judged by (#31, GET /api/staff/communities/:id/stats and /api/company/stats):
 * a month of random rows around November 2026, and each figure checked against counts made here over
 * those very rows, in plain JS — Beijing months, the SLA clocks with their breaches, ratings, return
 * visits, complaint clocks, re-handling, surveys, collection, 随手拍 closed by the clock.
 */
const clock = new ManualClock(atBeijing('2026-12-03', 10 * 60)); // a fixed instant in December, not today
const h = useHarness({ clock });
const MONTH = '2026-11';
type Site = Awaited<ReturnType<typeof makeCommunity>>;
let A1: Site;
let A2: Site;
let B1: Site;
let seeds: Record<string, StatsSeed>;
let managerA1: Actor;
let adminA: Actor;
let adminB: Actor;
let cashierA1: Actor;

const inMonth = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 7) === MONTH;
const half = (n: number, d: number) => (d === 0 ? null : Math.round((n * 1000) / d));
const floor = (n: number, d: number) => (d === 0 ? null : Math.floor((n * 1000) / d));
const stats = (who: Actor, id: string, q = `?month=${MONTH}`) =>
  who.call('GET', `/api/staff/communities/${id}/stats${q}`);

async function seedSurveys(site: Site, userId: string) {
  const stars = { type: 'stars', title: '总体满意度' };
  const questions = [stars, { type: 'single', title: '是否续聘', options: ['是', '否'] }, { ...stars, title: '保洁' }];
  const make = async (closesAt: string, answers: number[][]) => {
    const s = await h.db.survey.create({
      data: {
        communityId: site.community.id,
        title: '年度满意度调查',
        questions,
        buildingIds: [],
        opensAt: new Date('2026-10-01T00:00:00Z'),
        closesAt: new Date(closesAt),
        createdById: userId,
        createdAt: new Date('2026-10-01T00:00:00Z'),
      },
    });
    await h.db.surveyResponse.createMany({
      data: answers.map((a, i) => ({ surveyId: s.id, unitId: site.units[i]!.id, userId, answers: a, at: s.opensAt })),
    });
  };
  // Closes 23:59 on 30 November, Beijing: November's. Five of six units answered.
  await make('2026-11-30T15:59:00Z', [
    [5, 0, 4],
    [3, 1, 2],
    [4, 0, 5],
    [1, 1, 4],
    [5, 0, 3],
  ]);
  // Closes 00:00 on 1 December, Beijing: December's, not counted.
  await make('2026-11-30T16:00:00Z', [[1, 0, 1]]);
}

beforeAll(async () => {
  A1 = await makeCommunity(h.db, { units: 6 });
  A2 = await makeCommunity(h.db, { companyId: A1.companyId, units: 2 });
  B1 = await makeCommunity(h.db, { units: 1 });
  adminA = await staff(h, 'COMPANY_ADMIN', { id: null, companyId: A1.companyId });
  adminB = await staff(h, 'COMPANY_ADMIN', { id: null, companyId: B1.companyId });
  managerA1 = await staff(h, 'MANAGER', { id: A1.community.id, companyId: A1.companyId });
  cashierA1 = await staff(h, 'CASHIER', { id: A1.community.id, companyId: A1.companyId });
  seeds = {};
  for (const [i, s] of [A1, A2].entries())
    seeds[s.community.id] = await seedStatsMonth(
      h.db,
      { communityId: s.community.id, unitIds: s.units.map((u) => u.id), userId: managerA1.userId },
      MONTH,
      31 + i,
    );
  await seedSurveys(A1, managerA1.userId);
  // October's and November's property fee on A1; of November's six bills: two paid, one half refunded, one waived.
  await deliverUnits(
    h,
    A1.units.map((u) => u.id),
  );
  const item = await addFeeItem(managerA1, A1.community.id, {
    kind: 'PROPERTY',
    name: '物业服务费',
    amountFen: 235,
    cycle: 'MONTH',
  });
  for (const period of ['2026-10', MONTH]) await runBilling(cashierA1, A1.community.id, period, [item.id]);
  const nov = await h.db.bill.findMany({
    where: { communityId: A1.community.id, firstMonth: MONTH },
    orderBy: { unitId: 'asc' },
  });
  await h.db
    .$executeRaw`UPDATE "Bill" SET "paidFen" = "amountFen", "state" = 'PAID' WHERE "id" = ANY(${[nov[0]!.id, nov[1]!.id]}::uuid[])`;
  await h.db
    .$executeRaw`UPDATE "Bill" SET "paidFen" = "amountFen", "refundedFen" = "amountFen" / 2, "state" = 'PARTIALLY_REFUNDED' WHERE "id" = ${nov[2]!.id}::uuid`;
  await h.db.$executeRaw`UPDATE "Bill" SET "state" = 'WAIVED' WHERE "id" = ${nov[3]!.id}::uuid`;
  await h.db
    .$executeRaw`UPDATE "Bill" SET "paidFen" = "amountFen", "state" = 'PAID' WHERE "communityId" = ${A1.community.id}::uuid AND "firstMonth" = '2026-10'`;
});

/** Every figure of the community for MONTH, counted here over the seeded rows. */
async function expected(id: string) {
  const s = seeds[id]!;
  const repairs = s.repairs.filter((r) => inMonth(r.filedAt));
  const breach = (repairId: string, clk: string, cycle?: number) =>
    s.repairBreaches.some(
      (b) => b.repairId === repairId && b.clock === clk && (cycle === undefined || b.cycle === cycle),
    );
  type Step = { done: Date | null; due: Date | null; breached: boolean };
  const tally = (steps: Step[]) => {
    const onTime = steps.filter((t) => t.done && t.due && t.done <= t.due).length;
    const late = steps.filter((t) => (t.done && t.due && t.done > t.due) || (!t.done && t.breached)).length;
    return [onTime, onTime + late];
  };
  const accept = tally(
    repairs.map((r) => ({ done: r.acceptedAt, due: r.acceptDueAt, breached: breach(r.id, 'ACCEPT') })),
  );
  const contact = tally(
    repairs.map((r) => ({
      done: r.contactedAt,
      due: r.contactDueAt,
      breached: breach(r.id, 'CONTACT', r.reopenCount),
    })),
  );
  const arrive = tally(
    repairs.map((r) => ({ done: r.arrivedAt, due: r.arriveDueAt, breached: breach(r.id, 'ARRIVE', r.reopenCount) })),
  );
  const rated = repairs
    .filter((r) => r.ratingAttitude !== null)
    .map((r) => Math.min(r.ratingAttitude!, r.ratingQuality!));
  const starSum = rated.reduce((a, b) => a + b, 0);
  const visits = s.visits.filter((v) => inMonth(v.createdAt));
  const visited = visits.filter((v) => v.method !== null).length;
  const complaints = s.complaints.filter((c) => inMonth(c.filedAt));
  const cBreach = (cid: string, clk: string, cycle?: number) =>
    s.complaintBreaches.some(
      (b) => b.complaintId === cid && b.clock === clk && (cycle === undefined || b.cycle === cycle),
    );
  const triage = tally(
    complaints.map((c) => ({ done: c.triagedAt, due: c.triageDueAt, breached: cBreach(c.id, 'TRIAGE') })),
  );
  const cContact = tally(
    complaints.map((c) => ({
      done: c.contactedAt,
      due: c.contactDueAt,
      breached: cBreach(c.id, 'CONTACT', c.rehandleCount),
    })),
  );
  const rehandled = complaints.filter((c) => c.rehandleCount > 0).length;
  const snaps = s.snapshots.filter((x) => inMonth(x.createdAt));
  const autoClosed = snaps.filter((x) => x.status === 'AUTO_CLOSED').length;
  // Surveys (A1 only): November's answers above — star answers 5,4,3,2,4,5,1,4,5,3: five of ten are 4 or 5.
  const survey =
    id === A1.community.id
      ? { sat: 6, stars: 10, answered: 5, targeted: 6 }
      : { sat: 0, stars: 0, answered: 0, targeted: 0 };
  const bills = await h.db.bill.findMany({ where: { communityId: id, firstMonth: MONTH, state: { not: 'WAIVED' } } });
  const billed = bills.reduce((a, b) => a + b.amountFen, 0);
  const collected = bills.reduce((a, b) => a + Math.max(0, Math.min(b.amountFen, b.paidFen - b.refundedFen)), 0);
  const f = (numerator: number, denominator: number, value: number | null) => ({ numerator, denominator, value });
  return {
    ratingStars: [1, 2, 3, 4, 5].map((n) => rated.filter((x) => x === n).length),
    figures: {
      repairAccept: f(accept[0]!, accept[1]!, half(accept[0]!, accept[1]!)),
      repairContact: f(contact[0]!, contact[1]!, half(contact[0]!, contact[1]!)),
      repairArrive: f(arrive[0]!, arrive[1]!, half(arrive[0]!, arrive[1]!)),
      rating: f(starSum, rated.length, rated.length ? Math.round((starSum * 100) / rated.length) : null),
      returnVisit: f(visited, visits.length, floor(visited, visits.length)),
      complaintTriage: f(triage[0]!, triage[1]!, half(triage[0]!, triage[1]!)),
      complaintContact: f(cContact[0]!, cContact[1]!, half(cContact[0]!, cContact[1]!)),
      complaintRehandle: f(rehandled, complaints.length, half(rehandled, complaints.length)),
      surveySatisfaction: f(survey.sat, survey.stars, half(survey.sat, survey.stars)),
      surveyCoverage: f(survey.answered, survey.targeted, floor(survey.answered, survey.targeted)),
      collection: f(collected, billed, half(collected, billed)),
      snapshotAutoClosed: f(autoClosed, snaps.length, autoClosed),
    },
  };
}

type Fig = { key: string; numerator: number; denominator: number; value: number | null };
const shape = (body: { figures: Fig[]; ratingStars: number[] }) => ({
  ratingStars: body.ratingStars,
  figures: Object.fromEntries(
    body.figures.map((x) => [x.key, { numerator: x.numerator, denominator: x.denominator, value: x.value }]),
  ),
});

describe('a community month of figures', () => {
  it('matches counts made independently over the seeded rows', async () => {
    const res = await stats(managerA1, A1.community.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ month: MONTH, communityId: A1.community.id, name: A1.community.name });
    const want = await expected(A1.community.id);
    expect(shape(res.body)).toEqual(want);
    // The seed is not degenerate: every figure has something to count.
    for (const [key, x] of Object.entries(want.figures)) expect(x.denominator, key).toBeGreaterThan(0);
    // The targets the standards set: 回访率 ≥ 95 %, coverage ≥ 90 % (5 of 6 units: 83.3 %, missed).
    const byKey = Object.fromEntries(res.body.figures.map((x: Fig) => [x.key, x]));
    expect(byKey.returnVisit).toMatchObject({ target: 950, met: want.figures.returnVisit.value! >= 950 });
    expect(byKey.surveyCoverage).toMatchObject({ value: 833, target: 900, met: false });
    // The collection rate is the collection report's own.
    const report = await managerA1.call(
      'GET',
      `/api/staff/communities/${A1.community.id}/reports/collection?period=${MONTH}`,
    );
    expect(byKey.collection.value).toBe(report.body.total.ratePermille);
  });

  it('defaults to this Beijing month by the clock; a month with nothing has no rates rather than 0 %', async () => {
    const now = await stats(managerA1, A1.community.id, '');
    expect(now.body.month).toBe('2026-12');
    const empty = await stats(managerA1, A1.community.id, '?month=2026-06');
    for (const x of empty.body.figures as Fig[]) {
      expect([x.key, x.denominator]).toEqual([x.key, 0]);
      expect([x.key, x.value]).toEqual([x.key, x.key === 'snapshotAutoClosed' ? 0 : null]);
    }
  });

  it('exports the figures as a CSV Excel opens, and as .xlsx', async () => {
    const download = (format: string) =>
      fetch(`${h.url}/api/staff/communities/${A1.community.id}/stats/export?month=${MONTH}&format=${format}`, {
        headers: { authorization: `Bearer ${managerA1.token}` },
      });
    const csv = await download('csv');
    expect([csv.status, csv.headers.get('content-type')]).toEqual([200, 'text/csv; charset=utf-8']);
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the UTF-8 BOM Excel needs for Chinese
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('指标,数值,分子,分母,目标,达标');
    const want = (await expected(A1.community.id)).figures;
    expect(lines).toContain('问卷覆盖率,83.3%,5,6,≥ 90%,否');
    const auto = want.snapshotAutoClosed;
    expect(lines).toContain(`随手拍超时自动办结,${auto.value},${auto.numerator},${auto.denominator},,`);
    expect(lines).toHaveLength(1 + 12 + 5);
    const xlsx = await download('xlsx');
    expect([xlsx.status, xlsx.headers.get('content-type')]).toEqual([200, expect.stringMatching(/spreadsheetml/)]);
  });
});

describe('who sees the figures', () => {
  it("a company admin sees each of the company's communities, with the same figures", async () => {
    const res = await adminA.call('GET', `/api/company/stats?month=${MONTH}`);
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(res.body.communities.map((c: { id: string }) => [c.id, c]));
    expect(Object.keys(byId).sort()).toEqual([A1.community.id, A2.community.id].sort());
    for (const id of [A1.community.id, A2.community.id]) expect(shape(byId[id])).toEqual(await expected(id));
    expect((await stats(adminA, A2.community.id)).status).toBe(200);
  });

  it('not yours is not found: a cashier, another community, another company', async () => {
    const notFound = { code: 'NOT_FOUND', message: '小区不存在' };
    for (const [who, id] of [
      [cashierA1, A1.community.id],
      [managerA1, A2.community.id],
      [adminB, A1.community.id],
      [managerA1, '00000000-0000-4000-8000-000000000000'],
    ] as const) {
      const res = await stats(who, id);
      expect([res.status, res.body]).toEqual([404, notFound]);
    }
    const other = await adminB.call('GET', `/api/company/stats?month=${MONTH}`);
    expect(other.body.communities.map((c: { id: string }) => c.id)).toEqual([B1.community.id]);
    const manager = await managerA1.call('GET', '/api/company/stats');
    expect([manager.status, manager.body]).toEqual([404, { code: 'NOT_FOUND', message: '公司不存在' }]);
  });

  it('refuses a malformed month with a Chinese message', async () => {
    const res = await stats(managerA1, A1.community.id, '?month=2026-13');
    expect(res.status).toBe(400);
    expect(res.body.details[0].message).toBe('月份格式应为 YYYY-MM');
  });
});
