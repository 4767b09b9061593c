import { expect } from 'vitest';
import type { Harness } from '../harness.js';
import { TEST_APPID } from '../harness.js';
import { resident, staff, type Actor } from '../actors.js';
import { addRosterOwner, makeCommunity, makeUser, uniquePhone } from './units.js';
import { deliverUnits } from './fees.js';

/**
 * Elections (#11): a community with the owners an election needs, and elections made through the
 * committee's API up to the state a test starts from — so each test sets up its own and one failing
 * test leaves the others' elections alone.
 */

/** An owner of several units: one person, one slot (the roster has them under one phone). */
export async function ownerOfMany(h: Harness, units: { id: string }[]): Promise<Actor> {
  const national = uniquePhone();
  for (const u of units) await addRosterOwner(h.db, u.id, national, '王多房');
  return bound(h, national, units, 'OWNER');
}

/** A co-owner of `unit`: the same slot as its owner. */
export async function coOwnerOf(h: Harness, unit: { id: string }): Promise<Actor> {
  const national = uniquePhone();
  await addRosterOwner(h.db, unit.id, national, '李共有', 'CO_OWNER');
  return bound(h, national, [unit], 'CO_OWNER');
}

async function bound(h: Harness, national: string, units: { id: string }[], relation: 'OWNER' | 'CO_OWNER') {
  const user = await makeUser(h.db, TEST_APPID);
  const token = await h.loginAs(user.openid);
  await h.bindPhone(token, national);
  for (const u of units)
    expect(
      (await h.call('POST', '/api/units/bind-requests', { token, body: { unitId: u.id, relation } })).body.status,
    ).toBe('VERIFIED');
  return {
    userId: user.id,
    openid: user.openid,
    phone: national,
    token,
    call: (method, path, opts = {}) => h.call(method, path, { ...opts, token }),
  } satisfies Actor;
}

/**
 * A community of six units (101 … 601, 80.15 m² each; 601 still the developer's), its committee
 * member and its owners: `ownerA` and `coOwner` share 101, `multi` owns 201–401, `ownerE` owns 501.
 */
export async function electionSite(h: Harness) {
  const A = await makeCommunity(h.db, { units: 6 });
  await deliverUnits(
    h,
    A.units.slice(0, 5).map((u) => u.id),
  );
  const committee = await staff(h, 'COMMITTEE_MEMBER', { id: A.community.id, companyId: A.companyId });
  const ownerA = await resident(h, A.units[0]!);
  const coOwner = await coOwnerOf(h, A.units[0]!);
  const multi = await ownerOfMany(h, A.units.slice(1, 4));
  const ownerE = await resident(h, A.units[4]!);
  return { A, committee, ownerA, coOwner, multi, ownerE };
}
export type ElectionSite = Awaited<ReturnType<typeof electionSite>>;

/** A resident of a community of their own, to show that other communities see nothing. */
export async function outsiderResident(h: Harness): Promise<Actor> {
  const B = await makeCommunity(h.db, { units: 1 });
  await deliverUnits(h, [B.units[0]!.id]);
  return resident(h, B.units[0]!);
}

export const ELECTION_CANDIDATES = ['张三', '李四', '王五', '赵六'];

/**
 * A draft committee election (3 seats, closing in 30 days, or `closesInDays`) with `candidates` (the first with
 * `photoUploadId` when given), made through the committee's API.
 */
export async function draftElection(
  h: Harness,
  committee: Pick<Actor, 'call'>,
  communityId: string,
  opts: { candidates?: string[]; photoUploadId?: string; title?: string; closesInDays?: number } = {},
) {
  const created = await committee.call('POST', `/api/committee/communities/${communityId}/elections`, {
    body: {
      title: opts.title ?? '第三届业主委员会选举',
      kind: 'ELECTION',
      seats: 3,
      closesAt: new Date(nowOf(h).getTime() + (opts.closesInDays ?? 30) * DAY).toISOString(),
    },
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  const names = opts.candidates ?? ELECTION_CANDIDATES;
  for (const [i, name] of names.entries()) {
    const c = await committee.call('POST', `/api/committee/elections/${id}/candidates`, {
      body: {
        name,
        sex: '男',
        age: 45,
        affiliation: '群众',
        occupation: '教师',
        statement: '愿为小区服务',
        ...(i === 0 && opts.photoUploadId ? { photoUploadId: opts.photoUploadId } : {}),
      },
    });
    expect(c.status).toBe(201);
  }
  const candidates = (await committee.call('GET', `/api/committee/elections/${id}`)).body.candidates as {
    id: string;
    name: string;
  }[];
  return { id, candidates, ids: (...wanted: string[]) => wanted.map((n) => candidates.find((c) => c.name === n)!.id) };
}

export const DAY = 86_400_000;
/** The notice period before an assembly vote may open (docs/domain.md §5, Notice). */
export const NOTICE_PERIOD = 15 * DAY;

/** The test's clock, or the system's where a stack has none (the browser tests). */
const nowOf = (h: Harness) => h.clock?.now() ?? new Date();

/**
 * An election open for votes: a draft as above, published, its roster corrected (unit id → the
 * corrected entry), the 15-day notice period waited out, and opened.
 */
export async function openElection(
  h: Harness,
  committee: Pick<Actor, 'call'>,
  communityId: string,
  opts: Parameters<typeof draftElection>[3] & { rosterCorrections?: Record<string, object> } = {},
) {
  const election = await draftElection(h, committee, communityId, opts);
  await publishAndOpen(h, committee, election.id, opts.rosterCorrections);
  return election;
}

/** Publishes an election, applies roster corrections, waits out the notice period and opens it. */
export async function publishAndOpen(
  h: Harness,
  committee: Pick<Actor, 'call'>,
  id: string,
  rosterCorrections: Record<string, object> = {},
) {
  const step = (name: string) => committee.call('POST', `/api/committee/elections/${id}/steps/${name}`);
  expect((await step('publish')).status).toBe(200);
  for (const [unitId, body] of Object.entries(rosterCorrections))
    expect((await committee.call('PUT', `/api/committee/elections/${id}/roster/${unitId}`, { body })).status).toBe(200);
  // API tests move their clock over the notice period; a stack without one (the browser tests) has
  // the publication dated 15 days back instead.
  if (h.clock) h.clock.advance(NOTICE_PERIOD);
  else
    await h.db.election.update({
      where: { id },
      data: { publishedAt: new Date(nowOf(h).getTime() - NOTICE_PERIOD) },
    });
  await confirmRoster(committee, id);
  const opened = await step('open');
  expect(opened.status).toBe(200);
  return opened;
}

/** 501's roster entry as the committee corrects it in the tests: surveyed, 90.50 m². */
export const SURVEYED_501 = {
  area: '90.50',
  areaSource: 'SURVEYED',
  developerHeld: false,
  reason: '产权证未登记，按实测面积',
};

/**
 * Moves the test's clock to the election's announced deadline: the committee cannot close a vote
 * before it (review finding 4). A stack without a clock (the browser tests) has the deadline moved
 * back to now instead.
 */
export async function atDeadline(h: Harness, id: string) {
  const { closesAt } = await h.db.election.findUniqueOrThrow({ where: { id }, select: { closesAt: true } });
  if (h.clock) h.clock.set(closesAt);
  else await h.db.election.update({ where: { id }, data: { closesAt: new Date(nowOf(h).getTime() - 1000) } });
}

/** The committee confirms the posted roster and its voters, which opening needs (review finding 8). */
export async function confirmRoster(committee: Pick<Actor, 'call'>, id: string) {
  expect((await committee.call('POST', `/api/committee/elections/${id}/roster/confirmation`)).status).toBe(200);
}
