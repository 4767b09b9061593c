import { beforeAll, describe, expect, it } from 'vitest';
import { useHarness } from './support/use-harness.js';
import { staff, type Actor } from './support/actors.js';
import { addRosterOwner, makeCommunity } from './support/factories/index.js';

/** The console's counter finds a unit as the cashier types it (#26): `3-1-602`, a phone's last four digits, or a name. */
const h = useHarness();
let A: Awaited<ReturnType<typeof makeCommunity>>;
let B: Awaited<ReturnType<typeof makeCommunity>>;
let cashier: Actor;
let technician: Actor;

beforeAll(async () => {
  A = await makeCommunity(h.db, { units: 3 });
  B = await makeCommunity(h.db, { units: 1 });
  await addRosterOwner(h.db, A.units[1]!.id, '13900006021', '王建国');
  await addRosterOwner(h.db, B.units[0]!.id, '13900006021', '王建国');
  cashier = await staff(h, 'CASHIER', { id: A.community.id, companyId: A.companyId });
  technician = await staff(h, 'TECHNICIAN', { id: A.community.id, companyId: A.companyId });
});

const search = (who: Actor, q: string, community = A.community.id) =>
  who.call('GET', `/api/staff/communities/${community}/counter/units?q=${encodeURIComponent(q)}`);

describe('counter unit search', () => {
  it('finds a unit by building-entrance-room, building-room, phone tail or name, in the cashier’s community only', async () => {
    for (const q of ['1-1-201', '1-201', '1号楼201']) {
      const r = await search(cashier, q);
      expect(r.status).toBe(200);
      expect(r.body.items).toEqual([
        { unitId: A.units[1]!.id, building: '1号楼', number: '201', label: '1号楼 201', owners: ['王**'] },
      ]);
    }
    expect((await search(cashier, '6021')).body.items.map((u: any) => u.unitId)).toEqual([A.units[1]!.id]);
    expect((await search(cashier, '王建国')).body.items.map((u: any) => u.unitId)).toEqual([A.units[1]!.id]);
    expect((await search(cashier, '1-1-909')).body.items).toEqual([]);
  });

  it('refuses what is not a unit, a phone tail or a name, in Chinese', async () => {
    const r = await search(cashier, '');
    expect(r.status).toBe(400);
    expect(r.body.details[0].message).toMatch(/房号|手机|姓名/);
    expect((await search(cashier, 'x'.repeat(41))).status).toBe(400);
  });

  it('another community, or a role without the counter, looks exactly like a missing one', async () => {
    const other = await search(cashier, '王建国', B.community.id);
    const missing = await search(cashier, '王建国', '00000000-0000-4000-8000-000000000000');
    expect(other.status).toBe(404);
    expect(other.body).toEqual(missing.body);
    expect((await search(technician, '1-201')).status).toBe(404);
  });
});
