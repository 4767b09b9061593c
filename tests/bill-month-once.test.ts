import { describe, expect, it } from 'vitest';
import { useHarness } from './support/use-harness.js';
import { makeCommunity } from './support/factories/index.js';

/**
 * The database's own guarantee (docs/domain.md §4, Billing runs): no two bills of one unit, charge slot
 * and parking space that are not waived cover the same month — whoever writes them (a run, the seed, a
 * script), whatever their payer, however many months each covers. Bills are written here in plain SQL,
 * as any writer could; runs keep it too (billing-runs.test.ts).
 */
const h = useHarness();

type Kind = 'PROPERTY' | 'PARKING' | 'ONE_OFF' | 'SHARED';
type Row = {
  unitId: string;
  feeItemId: string;
  firstMonth: string;
  months: number;
  payer?: 'OWNER' | 'DEVELOPER';
  parkingSpaceId?: string;
  slot?: string;
};

async function site() {
  const s = await makeCommunity(h.db, { units: 2 });
  const communityId = s.community.id;
  let n = 0;
  const item = async (kind: Kind, extra: { buildingType?: string; active?: boolean } = {}) =>
    (
      await h.db.feeItem.create({
        data: {
          communityId,
          kind,
          name: `${kind}${(n += 1)}`,
          amountFen: 100,
          cycle: kind === 'PROPERTY' || kind === 'PARKING' ? 'MONTH' : null,
          ...extra,
        },
      })
    ).id;
  const space = async (unitId: string) =>
    (await h.db.parkingSpace.create({ data: { communityId, number: `P${(n += 1)}`, unitId } })).id;
  /** Writes bills in one statement; resolves to their ids. */
  const bills = async (...rows: Row[]) => {
    const values: unknown[] = [];
    const tuples = rows.map((r) => {
      const p = (v: unknown) => `$${values.push(v)}`;
      return `(gen_random_uuid(), ${p(communityId)}::uuid, ${p(r.unitId)}::uuid, ${p(r.feeItemId)}::uuid, ${p(r.parkingSpaceId ?? null)}::uuid,
               ${p(r.firstMonth)}, ${p(r.firstMonth)}, ${p(r.months)}::int, ${p(r.payer ?? 'OWNER')}::"BillPayer", 100, 'x', now(),
               gen_random_uuid(), ${p(r.slot ?? '')})`;
    });
    const made = await h.db.$queryRawUnsafe<{ id: string }[]>(
      `INSERT INTO "Bill" ("id", "communityId", "unitId", "feeItemId", "parkingSpaceId", "period", "firstMonth", "months", "payer", "amountFen", "detail", "dueAt", "runId", "slot")
       VALUES ${tuples.join(', ')} RETURNING "id"`,
      ...values,
    );
    return made.map((b) => b.id);
  };
  const bill = async (row: Row) => (await bills(row))[0]!;
  const sql = (text: string, ...values: unknown[]) => h.db.$executeRawUnsafe(text, ...values);
  return { ...s, item, space, bills, bill, sql };
}

const refused = /Bill_month_once/;

describe('a month of a unit, charge and space is billed once, by the database', () => {
  it('refuses a bill overlapping any month already billed, whatever its payer and length; months beside them are free', async () => {
    const A = await site();
    const [u1, u2] = A.units.map((u) => u.id) as [string, string];
    const property = await A.item('PROPERTY');
    await A.bill({ unitId: u1, feeItemId: property, firstMonth: '2026-01', months: 12, payer: 'DEVELOPER' });
    await expect(A.bill({ unitId: u1, feeItemId: property, firstMonth: '2026-06', months: 1 })).rejects.toThrow(
      refused,
    );
    await expect(A.bill({ unitId: u1, feeItemId: property, firstMonth: '2025-11', months: 3 })).rejects.toThrow(
      refused,
    );
    await expect(A.bill({ unitId: u1, feeItemId: property, firstMonth: '2026-12', months: 1 })).rejects.toThrow(
      refused,
    );
    await A.bill({ unitId: u1, feeItemId: property, firstMonth: '2025-10', months: 3 }); // Oct–Dec 2025
    await A.bill({ unitId: u1, feeItemId: property, firstMonth: '2027-01', months: 1 });
    await A.bill({ unitId: u2, feeItemId: property, firstMonth: '2026-06', months: 1 }); // another unit
    expect(await h.db.bill.count({ where: { unitId: u1 } })).toBe(3);
  });

  it('one charge per kind for property and parking (a villa price, a retired standard), each one-off item its own; each space apart', async () => {
    const A = await site();
    const u1 = A.units[0]!.id;
    const generic = await A.item('PROPERTY');
    const villa = await A.item('PROPERTY', { buildingType: '别墅' });
    const retired = await A.item('PARKING', { active: false });
    const parking = await A.item('PARKING');
    const [oneOff, other] = [await A.item('ONE_OFF'), await A.item('SHARED')];
    const [spaceA, spaceB] = [await A.space(u1), await A.space(u1)];
    await A.bill({ unitId: u1, feeItemId: generic, firstMonth: '2026-03', months: 1 });
    await expect(A.bill({ unitId: u1, feeItemId: villa, firstMonth: '2026-01', months: 3 })).rejects.toThrow(refused);
    await A.bill({ unitId: u1, feeItemId: oneOff, firstMonth: '2026-03', months: 1 });
    await A.bill({ unitId: u1, feeItemId: other, firstMonth: '2026-03', months: 1 });
    await expect(A.bill({ unitId: u1, feeItemId: oneOff, firstMonth: '2026-03', months: 1 })).rejects.toThrow(refused);
    await A.bill({ unitId: u1, feeItemId: retired, parkingSpaceId: spaceA, firstMonth: '2026-01', months: 6 });
    await A.bill({ unitId: u1, feeItemId: parking, parkingSpaceId: spaceB, firstMonth: '2026-03', months: 1 });
    await expect(
      A.bill({ unitId: u1, feeItemId: parking, parkingSpaceId: spaceA, firstMonth: '2026-06', months: 1 }),
    ).rejects.toThrow(refused);
    await A.bill({ unitId: u1, feeItemId: parking, parkingSpaceId: spaceA, firstMonth: '2026-07', months: 1 });
  });

  it('refuses two overlapping bills written in one statement, and writes neither', async () => {
    const A = await site();
    const u1 = A.units[0]!.id;
    const property = await A.item('PROPERTY');
    await expect(
      A.bills(
        { unitId: u1, feeItemId: property, firstMonth: '2026-01', months: 3, payer: 'DEVELOPER' },
        { unitId: u1, feeItemId: property, firstMonth: '2026-03', months: 1 },
      ),
    ).rejects.toThrow(refused);
    expect(await h.db.bill.count({ where: { unitId: u1 } })).toBe(0);
    expect(
      await A.bills(
        { unitId: u1, feeItemId: property, firstMonth: '2026-01', months: 2, payer: 'DEVELOPER' },
        { unitId: u1, feeItemId: property, firstMonth: '2026-03', months: 1 },
      ),
    ).toHaveLength(2);
  });

  it('a waived bill frees its months; it cannot be un-waived onto months billed since', async () => {
    const A = await site();
    const u1 = A.units[0]!.id;
    const property = await A.item('PROPERTY');
    const quarter = await A.bill({ unitId: u1, feeItemId: property, firstMonth: '2026-01', months: 3 });
    await A.sql(`UPDATE "Bill" SET "state" = 'WAIVED' WHERE "id" = $1::uuid`, quarter);
    await A.bill({ unitId: u1, feeItemId: property, firstMonth: '2026-02', months: 1, payer: 'DEVELOPER' });
    await expect(A.sql(`UPDATE "Bill" SET "state" = 'UNPAID' WHERE "id" = $1::uuid`, quarter)).rejects.toThrow(refused);
    // Paying a bill changes its state and money, not its months: nothing is refused.
    const march = await A.bill({ unitId: u1, feeItemId: property, firstMonth: '2026-03', months: 1 });
    await A.sql(`UPDATE "Bill" SET "state" = 'PAID', "paidFen" = 100, "paidAt" = now() WHERE "id" = $1::uuid`, march);
  });

  it('a bill moved onto billed months (its months, unit or space) is refused; the months it left are free', async () => {
    const A = await site();
    const [u1, u2] = A.units.map((u) => u.id) as [string, string];
    const property = await A.item('PROPERTY');
    const parking = await A.item('PARKING');
    const [spaceA, spaceB] = [await A.space(u1), await A.space(u1)];
    const jan = await A.bill({ unitId: u1, feeItemId: property, firstMonth: '2026-01', months: 1 });
    const feb = await A.bill({ unitId: u1, feeItemId: property, firstMonth: '2026-02', months: 1 });
    const move = (set: string, id: string, ...v: unknown[]) =>
      A.sql(`UPDATE "Bill" SET ${set} WHERE "id" = $1::uuid`, id, ...v);
    await expect(move(`"firstMonth" = '2026-01'`, feb)).rejects.toThrow(refused);
    await expect(move(`"months" = 2`, jan)).rejects.toThrow(refused);
    await move(`"firstMonth" = '2026-03'`, feb);
    await A.bill({ unitId: u1, feeItemId: property, firstMonth: '2026-02', months: 1 });
    await A.bill({ unitId: u2, feeItemId: property, firstMonth: '2026-01', months: 1 });
    await expect(move(`"unitId" = $2::uuid`, jan, u2)).rejects.toThrow(refused);
    const a = await A.bill({
      unitId: u1,
      feeItemId: parking,
      parkingSpaceId: spaceA,
      firstMonth: '2026-01',
      months: 1,
    });
    await A.bill({ unitId: u1, feeItemId: parking, parkingSpaceId: spaceB, firstMonth: '2026-01', months: 1 });
    await expect(move(`"parkingSpaceId" = $2::uuid`, a, spaceB)).rejects.toThrow(refused);
  });

  it('a deleted bill frees its months (an undone run)', async () => {
    const A = await site();
    const u1 = A.units[0]!.id;
    const property = await A.item('PROPERTY');
    const year = await A.bill({ unitId: u1, feeItemId: property, firstMonth: '2026-01', months: 12 });
    await A.sql(`DELETE FROM "Bill" WHERE "id" = $1::uuid`, year);
    await A.bills(
      { unitId: u1, feeItemId: property, firstMonth: '2026-01', months: 6, payer: 'DEVELOPER' },
      { unitId: u1, feeItemId: property, firstMonth: '2026-07', months: 6 },
    );
  });

  it("a bill's charge slot is its fee item's: filled in when left out, refused when another", async () => {
    const A = await site();
    const u1 = A.units[0]!.id;
    const property = await A.item('PROPERTY');
    const oneOff = await A.item('ONE_OFF');
    const id = await A.bill({ unitId: u1, feeItemId: oneOff, firstMonth: '2026-01', months: 1 });
    expect((await h.db.bill.findUniqueOrThrow({ where: { id } })).slot).toBe(oneOff);
    await A.bill({ unitId: u1, feeItemId: property, firstMonth: '2026-01', months: 1, slot: 'PROPERTY' });
    // Written with a slot of its own, a property bill would escape the property months billed already.
    await expect(
      A.bill({ unitId: u1, feeItemId: property, firstMonth: '2026-01', months: 1, slot: 'PROPERTY2' }),
    ).rejects.toThrow(/Bill_feeItemId_slot_fkey/);
    await expect(A.sql(`UPDATE "Bill" SET "slot" = 'PARKING' WHERE "id" = $1::uuid`, id)).rejects.toThrow(
      /Bill_feeItemId_slot_fkey/,
    );
    expect(await h.db.bill.count({ where: { unitId: u1 } })).toBe(2);
  });

  // Last: it empties this file's own database of bills.
  it('a truncated bill table frees every month', async () => {
    const A = await site();
    const u1 = A.units[0]!.id;
    const property = await A.item('PROPERTY');
    await A.bill({ unitId: u1, feeItemId: property, firstMonth: '2026-01', months: 12 });
    await A.sql('TRUNCATE "Bill" CASCADE');
    await A.bill({ unitId: u1, feeItemId: property, firstMonth: '2026-01', months: 12 });
  });
});
