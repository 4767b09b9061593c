import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../bff/src/clock.js';
import { privateConnection } from '../bff/src/db.js';
import { copyRows } from '../bff/src/db-copy.js';
import { cursorRows } from '../bff/src/db-cursor.js';
import { atBeijing, DAY_MS, monthStart } from '../bff/src/beijing.js';
import { useHarness } from './support/use-harness.js';
import { staff, type Actor } from './support/actors.js';
import { addFeeItem, deliverUnits, makeCommunity, runBilling } from './support/factories/index.js';

/**
 * One instant, whatever the process's time zone (docs/conventions.md, Time; README, SQL paths): the
 * columns are `timestamp without time zone` holding UTC, and each of the four ways to SQL must write
 * and read it as such. These tests also run under TZ=Asia/Shanghai and TZ=America/New_York (the
 * tz-* vitest projects), where a path that writes or reads in the process's zone is eight or five
 * hours off.
 */
const clock = new ManualClock(atBeijing('2026-11-20', 10 * 60));
const h = useHarness({ clock });

// Beijing 2027-01-01 04:30: another day, month and year in UTC, and another day in New York.
const AT = new Date('2026-12-31T20:30:00.123Z');
const WALL = '2026-12-31 20:30:00.123';

describe('one instant through every way to SQL', () => {
  let unitId: string;
  beforeAll(async () => {
    await h.db.$executeRawUnsafe('CREATE TABLE time_probe ("path" text PRIMARY KEY, "at" timestamp(3) NOT NULL)');
    unitId = (await makeCommunity(h.db, { units: 1 })).units[0]!.id;
  });

  it('is stored as the same UTC wall time by Prisma, deps.sql, a private connection and COPY', async () => {
    await h.db.unit.update({ where: { id: unitId }, data: { deliveredAt: AT } });
    await h.db.$executeRaw`INSERT INTO time_probe VALUES ('prisma', ${AT})`;
    await h.deps.sql.query({
      name: 'time-probe-insert',
      text: 'INSERT INTO time_probe VALUES ($1, $2)',
      values: ['sql', AT],
    });
    const client = await privateConnection(h.deps.config);
    try {
      await client.query('INSERT INTO time_probe VALUES ($1, $2)', ['private', AT]);
      await client.query('BEGIN');
      await copyRows(client, 'time_probe ("path", "at")', [['copy', AT]]);
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
    const wall = `to_char("at", 'YYYY-MM-DD HH24:MI:SS.MS')`;
    const stored = await h.deps.sql.query(`SELECT "path", ${wall} AS "wall" FROM time_probe ORDER BY "path"`);
    expect(stored.rows).toEqual(['copy', 'prisma', 'private', 'sql'].map((path) => ({ path, wall: WALL })));
    const unit = await h.deps.sql.query(
      `SELECT to_char("deliveredAt", 'YYYY-MM-DD HH24:MI:SS.MS') AS "wall" FROM "Unit" WHERE "id" = $1`,
      [unitId],
    );
    expect(unit.rows[0]).toEqual({ wall: WALL });
  });

  it('is read back as the same instant by each of them, alone and in arrays', async () => {
    expect((await h.db.unit.findUniqueOrThrow({ where: { id: unitId } })).deliveredAt).toEqual(AT);
    const viaPrisma = await h.db.$queryRaw<{ at: Date }[]>`SELECT "at" FROM time_probe`;
    expect(viaPrisma.map((r) => r.at)).toEqual([AT, AT, AT, AT]);
    const viaSql = await h.deps.sql.query({
      name: 'time-probe-read',
      text: 'SELECT u."deliveredAt", (SELECT array_agg("at") FROM time_probe) AS "all" FROM "Unit" u WHERE u."id" = $1',
      values: [unitId],
    });
    expect(viaSql.rows[0]).toEqual({ deliveredAt: AT, all: [AT, AT, AT, AT] });
    const client = await privateConnection(h.deps.config);
    try {
      const viaPrivate = await client.query('SELECT "at" FROM time_probe WHERE "at" = $1', [AT]);
      expect(viaPrivate.rows).toEqual([{ at: AT }, { at: AT }, { at: AT }, { at: AT }]);
    } finally {
      await client.end();
    }
    const viaCursor = [];
    for await (const r of cursorRows<{ at: Date }>(h.deps.config, {
      text: 'SELECT "at" FROM time_probe WHERE "at" = $1',
      values: [AT],
    }))
      viaCursor.push(r.at);
    expect(viaCursor).toEqual([AT, AT, AT, AT]);
  });
});

/**
 * A bill of November 2026 is due at Beijing midnight of 1 December (2026-11-30T16:00Z). Three hours
 * either side of it — less than the eight of Shanghai or the five of New York — the run and the
 * arrears must still fall on the right side.
 */
describe('billing and arrears within hours of a due date', () => {
  const DUE = monthStart('2026-12');
  const HOUR = 3_600_000;
  let site: Awaited<ReturnType<typeof makeCommunity>>;
  let manager: Actor;
  const cashierNow = async () => staff(h, 'CASHIER', { id: site.community.id, companyId: site.companyId });

  beforeAll(async () => {
    clock.set(new Date(DUE.getTime() - 3 * HOUR));
    site = await makeCommunity(h.db, { units: 2 });
    // Unit 101 long delivered: its owner pays November. Unit 201 delivered at 02:00 on 1 November in
    // Beijing (still 31 October in UTC): delivered in November, so November is the developer's.
    await deliverUnits(h, [site.units[0]!.id]);
    await deliverUnits(h, [site.units[1]!.id], atBeijing('2026-11-01', 2 * 60));
    manager = await staff(h, 'MANAGER', { id: site.community.id, companyId: site.companyId });
  });

  it('records the run at the clock’s instant, with the bills due at Beijing midnight', async () => {
    const item = await addFeeItem(manager, site.community.id, {
      kind: 'PROPERTY',
      name: '物业服务费',
      amountFen: 200,
      cycle: 'MONTH',
    });
    const run = await runBilling(manager, site.community.id, '2026-11', [item.id]);
    expect(run.created.bills).toBe(2);
    const saved = await h.db.billingRun.findFirstOrThrow({ where: { communityId: site.community.id } });
    expect(saved.createdAt).toEqual(clock.now());
    const bills = await h.db.bill.findMany({ where: { communityId: site.community.id }, orderBy: { payer: 'asc' } });
    expect(bills.map((b) => [b.unitId, b.payer, b.dueAt])).toEqual([
      [site.units[0]!.id, 'OWNER', DUE],
      [site.units[1]!.id, 'DEVELOPER', DUE],
    ]);
  });

  /** The arrears as the list (Prisma) and the CSV export (a cursor on a private connection) tell them. */
  async function arrears() {
    const cashier = await cashierNow();
    const base = `/api/staff/communities/${site.community.id}/arrears`;
    const list = await cashier.call('GET', base);
    expect(list.status).toBe(200);
    const csv = await fetch(`${h.url}${base}/export?format=csv`, {
      headers: { authorization: `Bearer ${cashier.token}` },
    });
    expect(csv.status).toBe(200);
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .slice(1);
    return {
      list: list.body.items.map((r: { number: string; monthsOverdue: number; amountFen: number }) =>
        [r.number, r.monthsOverdue, r.amountFen].join(','),
      ),
      lines,
    };
  }

  it('lists nothing three hours before the due date', async () => {
    clock.set(new Date(DUE.getTime() - 3 * HOUR));
    expect(await arrears()).toEqual({ list: [], lines: [] });
  });

  it('lists the owner’s bill three hours after it, not yet a month overdue', async () => {
    clock.set(new Date(DUE.getTime() + 3 * HOUR));
    expect(await arrears()).toEqual({
      list: ['101,0,19720'],
      lines: ['1号楼,101,物业服务费,2026-11,0,1,197.20,197.20,0.00'], // the owner's own part, no seller's
    });
  });

  it('counts a month overdue from three hours after thirty days past it', async () => {
    clock.set(new Date(DUE.getTime() + 30 * DAY_MS + 3 * HOUR));
    expect(await arrears()).toEqual({
      list: ['101,1,19720'],
      lines: ['1号楼,101,物业服务费,2026-11,1,1,197.20,197.20,0.00'],
    });
  });
});
