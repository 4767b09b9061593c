import { beforeAll, describe, expect, it } from 'vitest';
import { useHarness } from './support/use-harness.js';
import { resident, staff, type Actor } from './support/actors.js';
import { makeCommunity } from './support/factories/index.js';

/**
 * The staff of a community, for the escalation chains' settings page to pick from: exactly the people a
 * step may name (docs/domain.md §1, escalation), and only the office asks.
 */
const h = useHarness();
let A: Awaited<ReturnType<typeof makeCommunity>>;
let manager: Actor;
let admin: Actor;
let technician: Actor;
let cashier: Actor;

beforeAll(async () => {
  A = await makeCommunity(h.db, { units: 1 });
  manager = await staff(h, 'MANAGER', { id: A.community.id, companyId: A.companyId }, { name: '王经理' });
  admin = await staff(h, 'COMPANY_ADMIN', { id: null, companyId: A.companyId }, { name: '赵总' });
  technician = await staff(h, 'TECHNICIAN', { id: A.community.id, companyId: A.companyId }, { name: '冯师傅' });
  cashier = await staff(h, 'CASHIER', { id: A.community.id, companyId: A.companyId }, { name: '钱会计' });
});

describe('the community’s staff list', () => {
  it('lists its own and company-wide staff with their roles, never residents, committee members or another company’s staff', async () => {
    const B = await makeCommunity(h.db, { units: 1 });
    const elsewhere = await staff(h, 'MANAGER', { id: B.community.id, companyId: B.companyId });
    const committee = await staff(h, 'COMMITTEE_MEMBER', { id: A.community.id, companyId: A.companyId });
    const owner = await resident(h, A.units[0]!);
    const res = await manager.call('GET', `/api/staff/communities/${A.community.id}/staff`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual(
      expect.arrayContaining([
        { id: manager.userId, name: '王经理', roles: ['MANAGER'] },
        { id: admin.userId, name: '赵总', roles: ['COMPANY_ADMIN'] },
        { id: technician.userId, name: '冯师傅', roles: ['TECHNICIAN'] },
        { id: cashier.userId, name: '钱会计', roles: ['CASHIER'] },
      ]),
    );
    const ids = res.body.items.map((s: { id: string }) => s.id);
    expect(ids).toHaveLength(4);
    for (const other of [elsewhere, committee, owner]) expect(ids).not.toContain(other.userId);
  });

  it('is the office’s: a technician, a cashier or another community’s manager reads it as not found', async () => {
    const B = await makeCommunity(h.db, { units: 1 });
    const elsewhere = await staff(h, 'MANAGER', { id: B.community.id, companyId: B.companyId });
    for (const who of [technician, cashier, elsewhere]) {
      const res = await who.call('GET', `/api/staff/communities/${A.community.id}/staff`);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    expect((await admin.call('GET', `/api/staff/communities/${A.community.id}/staff`)).status).toBe(200);
  });
});
