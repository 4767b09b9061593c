import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useHarness } from './support/use-harness.js';
import { resident, staff, type Actor } from './support/actors.js';
import { makeCommunity, makeRepairs, makeUser, uniquePhone } from './support/factories/index.js';
import { TEST_APPID } from './support/harness.js';

/**
 * GET /api/staff/communities/:id/waiting — the counts on the staff home (issue 30): what waits for the
 * caller in one community, by the caller's roles, and nothing of another community.
 */
const h = useHarness();
let site: Awaited<ReturnType<typeof makeCommunity>>;
let other: Awaited<ReturnType<typeof makeCommunity>>;
let owner: Actor;
let manager: Actor;
let technician: Actor;

const review = (communityId: string, authorId: string, kind: string, status: 'PENDING' | 'APPROVED' = 'PENDING') =>
  h.db.contentReview.create({
    data: { communityId, authorId, kind, recordId: randomUUID(), reason: 'REVIEW', status, createdAt: new Date() },
  });

beforeAll(async () => {
  site = await makeCommunity(h.db, { units: 3 });
  other = await makeCommunity(h.db, { units: 2 });
  owner = await resident(h, site.units[0]!);
  manager = await staff(h, 'MANAGER', site.community);
  technician = await staff(h, 'TECHNICIAN', site.community);
  const at = { communityId: site.community.id, unitId: site.units[0]!.id, reporterId: owner.userId };
  await makeRepairs(h.db, { ...at, assigneeId: null, status: 'SUBMITTED' }, 2);
  await makeRepairs(h.db, { ...at, assigneeId: null, status: 'ACCEPTED' }, 1);
  await makeRepairs(h.db, { ...at, assigneeId: technician.userId, status: 'ASSIGNED' }, 1);
  const resolved = await makeRepairs(h.db, { ...at, assigneeId: technician.userId, status: 'RESOLVED' }, 2);
  // Return visits: one to phone, one done already (#31).
  await h.db.returnVisit.createMany({
    data: [
      { repairId: resolved[0]!, cycle: 1, communityId: site.community.id, createdAt: new Date() },
      {
        ...{ repairId: resolved[1]!, cycle: 1, communityId: site.community.id, createdAt: new Date() },
        ...{ doneAt: new Date(), method: 'PHONE' as const, result: 'SATISFIED' as const },
      },
    ],
  });
  // Complaints: two to triage, one assigned to the technician and not yet done, one closed.
  const complaint = (status: 'SUBMITTED' | 'TRIAGED' | 'CLOSED', assigneeId: string | null = null) => ({
    communityId: site.community.id,
    residentId: owner.userId,
    filedById: owner.userId,
    channel: 'APP' as const,
    unitId: site.units[0]!.id,
    kind: 'COMPLAINT' as const,
    category: '噪音扰民',
    text: '楼上每晚装修到十一点',
    status,
    assigneeId,
    filedAt: new Date(),
    updatedAt: new Date(),
    triageDueAt: new Date(Date.now() + 3_600_000),
  });
  await h.db.complaint.createMany({
    data: [
      complaint('SUBMITTED'),
      complaint('SUBMITTED'),
      complaint('TRIAGED', technician.userId),
      complaint('CLOSED', technician.userId),
    ],
  });
  // A claim off the roster waits for the office; the manager's own claim waits for another office holder.
  const stranger = await h.loginAs((await makeUser(h.db, TEST_APPID)).openid);
  await h.bindPhone(stranger, uniquePhone());
  await h.call('POST', '/api/units/bind-requests', {
    token: stranger,
    body: { unitId: site.units[1]!.id, relation: 'TENANT' },
  });
  await manager.call('POST', '/api/units/bind-requests', { body: { unitId: site.units[2]!.id, relation: 'TENANT' } });
  await review(site.community.id, owner.userId, 'repair');
  await review(site.community.id, owner.userId, 'snapshot', 'APPROVED');
  await review(site.community.id, owner.userId, 'election-candidate'); // the committee's, not the office's
  // Another community's queue, which must not show.
  const there = { communityId: other.community.id, unitId: other.units[0]!.id, reporterId: owner.userId };
  await makeRepairs(h.db, { ...there, assigneeId: null, status: 'SUBMITTED' }, 3);
  await review(other.community.id, owner.userId, 'repair');
});

describe('GET /api/staff/communities/:communityId/waiting', () => {
  it("the office: bind requests to decide (not its own), repairs to accept, moderation (not the committee's)", async () => {
    const pending = await h.db.unitMembership.count({
      where: { status: 'PENDING', unit: { communityId: site.community.id } },
    });
    expect(pending).toBe(2);
    const res = await manager.call('GET', `/api/staff/communities/${site.community.id}/waiting`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      bindRequests: 1,
      repairsToAccept: 2,
      moderation: 1,
      myJobs: null,
      committeeTermEnding: null,
      complaintsToTriage: 2,
      returnVisitsDue: 1,
      myComplaints: null,
    });
  });

  it('a technician: their own open jobs and the complaints assigned to them, not yet done', async () => {
    const res = await technician.call('GET', `/api/staff/communities/${site.community.id}/waiting`);
    expect(res.body).toEqual({
      bindRequests: null,
      repairsToAccept: null,
      moderation: null,
      myJobs: 1,
      committeeTermEnding: null,
      complaintsToTriage: null,
      returnVisitsDue: null,
      myComplaints: 1,
    });
  });

  it('the same numbers as the lists they lead to', async () => {
    const at = `/api/staff/communities/${site.community.id}`;
    const [repairs, binds, moderation, complaints, visits, mine] = await Promise.all([
      manager.call('GET', `${at}/repairs?status=SUBMITTED`),
      manager.call('GET', `${at}/bind-requests?status=PENDING`),
      manager.call('GET', `${at}/moderation?status=PENDING`),
      manager.call('GET', `${at}/complaints?status=SUBMITTED`),
      manager.call('GET', `${at}/return-visits?status=OPEN`),
      technician.call('GET', `${at}/complaints?status=HANDLING`),
    ]);
    expect([repairs.body.total, binds.body.total, moderation.body.total]).toEqual([2, 1, 1]);
    expect([complaints.body.total, visits.body.items.length, mine.body.total]).toEqual([2, 1, 1]);
  });

  it('another community, or no staff role, answers as not found', async () => {
    for (const [who, community] of [
      [manager, other.community.id],
      [owner, site.community.id],
    ] as const) {
      const res = await who.call('GET', `/api/staff/communities/${community}/waiting`);
      expect([res.status, res.body.code]).toEqual([404, 'NOT_FOUND']);
    }
  });
});
