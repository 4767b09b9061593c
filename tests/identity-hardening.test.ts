import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_APPID } from './support/harness.js';
import { useHarness } from './support/use-harness.js';
import { addRosterOwner, cn, grantRole, makeCommunity, makeUser, uniquePhone } from './support/factories/index.js';

/** Issue 6, items 1, 2, 4 and 5: what an outside probe found in binding and privacy. */
const h = useHarness({ env: { BIND_REQUEST_LIMIT_PER_HOUR: '5' } });
let site: Awaited<ReturnType<typeof makeCommunity>>;
let manager: Awaited<ReturnType<typeof makeUser>>;
let managerToken: string;
let secondManagerToken: string;

beforeAll(async () => {
  site = await makeCommunity(h.db, { units: 6 });
  manager = await makeUser(h.db, TEST_APPID, { name: '王经理', phone: uniquePhone() });
  await grantRole(h.db, manager.id, site.companyId, 'MANAGER', site.community.id, true);
  managerToken = await h.loginAs(manager.openid);
  const second = await makeUser(h.db, TEST_APPID, { name: '李经理', phone: uniquePhone() });
  await grantRole(h.db, second.id, site.companyId, 'MANAGER', site.community.id);
  secondManagerToken = await h.loginAs(second.openid);
});

const file = (token: string, unitId: string, relation = 'OWNER') =>
  h.call('POST', '/api/units/bind-requests', { token, body: { unitId, relation } });

async function resident(openid: string, phone = uniquePhone(), countryCode = '86') {
  const token = await h.loginAs(openid);
  await h.bindPhone(token, phone, countryCode);
  return token;
}

describe('item 1: four eyes on bind requests', () => {
  it('a manager cannot approve their own claim to a unit; another office holder decides it', async () => {
    const own = await file(managerToken, site.units[0]!.id);
    expect(own.body.status).toBe('PENDING');
    const self = await h.call('POST', `/api/staff/bind-requests/${own.body.id}/decision`, {
      token: managerToken,
      body: { decision: 'approve' },
    });
    expect([self.status, self.body.code]).toEqual([403, 'OWN_REQUEST']);
    expect((await h.db.unitMembership.findUniqueOrThrow({ where: { id: own.body.id } })).status).toBe('PENDING');
    // Not in their own queue, but in the other manager's.
    const mine = await h.call('GET', `/api/staff/communities/${site.community.id}/bind-requests`, {
      token: managerToken,
    });
    expect(mine.body.items.map((r: { id: string }) => r.id)).not.toContain(own.body.id);
    const theirs = await h.call('GET', `/api/staff/communities/${site.community.id}/bind-requests`, {
      token: secondManagerToken,
    });
    expect(theirs.body.items.map((r: { id: string }) => r.id)).toContain(own.body.id);
    const decided = await h.call('POST', `/api/staff/bind-requests/${own.body.id}/decision`, {
      token: secondManagerToken,
      body: { decision: 'reject', reason: '经理本人请走线下流程' },
    });
    expect(decided.body.status).toBe('REJECTED');
  });
});

describe('item 2: phones keep their country code', () => {
  it('a +55 number with the digits of a mainland roster owner is not that owner', async () => {
    const digits = uniquePhone();
    await addRosterOwner(h.db, site.units[1]!.id, digits, '冯业主'); // a roster import without prefix: +86
    const foreigner = await resident('o_brazil', digits, '55');
    const me = await h.call('GET', '/api/me', { token: foreigner });
    expect(me.body.phone).toBe(`+55${digits}`);
    const res = await file(foreigner, site.units[1]!.id);
    expect(res.body).toMatchObject({ status: 'PENDING', autoApproved: false });
    expect((await h.call('GET', '/api/me', { token: foreigner })).body.name).toBeNull();
    // The mainland owner with the same digits is recognised at once.
    const owner = await resident('o_mainland_owner', digits);
    expect((await file(owner, site.units[1]!.id)).body).toMatchObject({ status: 'VERIFIED', autoApproved: true });
    expect((await h.db.ownerRosterEntry.findFirstOrThrow({ where: { unitId: site.units[1]!.id } })).phone).toBe(
      cn(digits),
    );
  });
});

describe('item 4: flooding the queue', () => {
  it('caps open requests per user, rate-limits filing, and pages the queue with a total', async () => {
    const flooder = await resident('o_flooder');
    const results = await Promise.all(site.units.slice(2, 6).map((u) => file(flooder, u.id, 'TENANT')));
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 201, 409]);
    expect(results.find((r) => r.status === 409)!.body.code).toBe('TOO_MANY_PENDING');
    // Five filings an hour in this test's config: the sixth is refused before anything is read.
    expect((await file(flooder, site.units[0]!.id, 'TENANT')).body.code).toBe('TOO_MANY_PENDING');
    const sixth = await file(flooder, site.units[0]!.id, 'TENANT');
    expect([sixth.status, sixth.body.code]).toEqual([429, 'RATE_LIMITED']);
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);

    // A genuine request filed after the flood is still reachable by paging, and the total says so.
    const genuine = await file(await resident('o_genuine'), site.units[5]!.id, 'FAMILY');
    const seen: string[] = [];
    let cursor: string | null = null;
    let total: number;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page = await h.call('GET', `/api/staff/communities/${site.community.id}/bind-requests?limit=2${query}`, {
        token: secondManagerToken,
      });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      total = page.body.total;
      seen.push(...page.body.items.map((r: { id: string }) => r.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen.at(-1)).toBe(genuine.body.id);
    const bad = await h.call('GET', `/api/staff/communities/${site.community.id}/bind-requests?cursor=bm9wZQ`, {
      token: secondManagerToken,
    });
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});

describe('item 5: reveal only members and pending requesters', () => {
  it('refuses rejected requesters and records the basis of every reveal', async () => {
    const reveal = (userId: string) =>
      h.call('POST', `/api/staff/communities/${site.community.id}/reveal`, {
        token: managerToken,
        body: { userId, field: 'PHONE', reason: '联系住户核实' },
        headers: { 'x-request-id': 'client-made-id-123' },
      });
    const token = await resident('o_reveal_pending');
    const req = await file(token, site.units[4]!.id, 'TENANT');
    const userId = (await h.call('GET', '/api/me', { token })).body.id;
    const whilePending = await reveal(userId);
    expect(whilePending.status).toBe(200);
    expect(whilePending.body.basis).toBe('PENDING_REQUESTER');
    await h.call('POST', `/api/staff/bind-requests/${req.body.id}/decision`, {
      token: secondManagerToken,
      body: { decision: 'reject', reason: '信息不符' },
    });
    const afterReject = await reveal(userId);
    expect([afterReject.status, afterReject.body.code]).toEqual([404, 'NOT_FOUND']);
    const audit = await h.db.piiRevealAudit.findMany({ where: { subjectId: userId } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ basis: 'PENDING_REQUESTER', clientRequestId: 'client-made-id-123' });
    // Item 12: the audit id is ours, not the one the client sent.
    expect(audit[0]!.requestId).not.toBe('client-made-id-123');
    expect(audit[0]!.requestId).toBe(whilePending.headers.get('x-request-id'));
  });
});
