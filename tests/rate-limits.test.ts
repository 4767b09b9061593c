import { beforeAll, describe, expect, it } from 'vitest';
import { useHarness } from './support/use-harness.js';
import { resident, staff, type Actor } from './support/actors.js';
import { makeCommunity, repairBody } from './support/factories/index.js';
import { multipart, phonePhoto } from './support/images.js';
import type { ApiResponse } from './support/harness.js';

/**
 * #25 item 16: what a resident can make the BFF do many times over — file repairs and snapshots (each
 * a WeChat content check), upload photos (≈ 1 s of CPU each), appeal a repair as urgent — is limited per
 * user like bind requests (docs/conventions.md, Rate limits). Low limits here; the defaults are higher.
 */
const h = useHarness({
  env: {
    REPAIR_LIMIT_PER_HOUR: '2',
    SNAPSHOT_LIMIT_PER_HOUR: '2',
    UPLOAD_LIMIT_PER_HOUR: '3',
    URGENT_LIMIT_PER_DAY: '1',
  },
});
let A: Awaited<ReturnType<typeof makeCommunity>>;
let owner: Actor;
let neighbour: Actor;

beforeAll(async () => {
  A = await makeCommunity(h.db, { units: 2 });
  owner = await resident(h, A.units[0]!);
  neighbour = await resident(h, A.units[1]!);
});

/** Refused as throttling, not as an error: 429, when to come back, and why in Chinese. */
function expectLimited(res: ApiResponse, message: RegExp) {
  expect([res.status, res.body.code]).toEqual([429, 'RATE_LIMITED']);
  expect(res.body.message).toMatch(message);
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
}

const fileRepair = (who: Actor) =>
  who.call('POST', '/api/repairs', { body: repairBody(who === owner ? A.units[0]!.id : A.units[1]!.id) });
const fileSnapshot = (who: Actor) =>
  who.call('POST', '/api/snapshots', {
    body: { communityId: A.community.id, kind: 'SUGGESTION', text: '楼道灯坏了，晚上很暗' },
  });
async function upload(who: Actor) {
  const { body, contentType } = multipart(await phonePhoto({ width: 160, height: 120 }));
  return who.call('POST', '/api/uploads', { raw: body, headers: { 'content-type': contentType } });
}

describe('per-user limits on what costs a content check or CPU', () => {
  it('repairs: the third filing within the hour is 429 with Retry-After and files nothing; others still file', async () => {
    for (let i = 0; i < 2; i++) expect((await fileRepair(owner)).status).toBe(201);
    const before = await h.db.repairRequest.count();
    expectLimited(await fileRepair(owner), /报修.*频繁/);
    expect(await h.db.repairRequest.count()).toBe(before);
    expect((await fileRepair(neighbour)).status).toBe(201);
  });

  it('snapshots: the third within the hour is 429 with Retry-After and creates nothing', async () => {
    for (let i = 0; i < 2; i++) expect((await fileSnapshot(owner)).status).toBe(201);
    const before = await h.db.snapshot.count();
    expectLimited(await fileSnapshot(owner), /随手拍.*频繁/);
    expect(await h.db.snapshot.count()).toBe(before);
    expect((await fileSnapshot(neighbour)).status).toBe(201);
  });

  it('uploads: the fourth photo within the hour is 429 with Retry-After, before any processing or storing', async () => {
    for (let i = 0; i < 3; i++) expect((await upload(owner)).status).toBe(201);
    const before = await h.db.upload.count();
    expectLimited(await upload(owner), /上传.*频繁/);
    expect(await h.db.upload.count()).toBe(before);
    expect((await upload(neighbour)).status).toBe(201);
  });

  it('urgent appeals (催办): the second within the day is 429 with Retry-After and stamps nothing', async () => {
    const repairs = await h.db.repairRequest.findMany({ where: { reporterId: owner.userId }, select: { id: true } });
    expect(repairs.length).toBeGreaterThanOrEqual(2);
    const urgent = (id: string) =>
      owner.call('POST', `/api/repairs/${id}/actions`, { body: { action: 'urgent', reason: '漏水越来越严重' } });
    expect((await urgent(repairs[0]!.id)).status).toBe(200);
    expectLimited(await urgent(repairs[1]!.id), /加急/);
    expect((await h.db.repairRequest.findUniqueOrThrow({ where: { id: repairs[1]!.id } })).urgentAt).toBeNull();
  });
});

describe('only a valid request of a resident is charged, just before the costly step', () => {
  it("repairs: refused filings (malformed, someone else's unit) use none of the quota", async () => {
    const fresh = await resident(h, A.units[0]!);
    for (let i = 0; i < 3; i++) {
      expect((await fresh.call('POST', '/api/repairs', { body: { unitId: A.units[0]!.id } })).status).toBe(400);
      expect((await fresh.call('POST', '/api/repairs', { body: repairBody(A.units[1]!.id) })).status).toBe(404);
    }
    for (let i = 0; i < 2; i++)
      expect((await fresh.call('POST', '/api/repairs', { body: repairBody(A.units[0]!.id) })).status).toBe(201);
    expectLimited(await fresh.call('POST', '/api/repairs', { body: repairBody(A.units[0]!.id) }), /报修.*频繁/);
  });

  it('snapshots: one for a community the user does not live in uses none of the quota', async () => {
    const elsewhere = await makeCommunity(h.db, { units: 1 });
    const fresh = await resident(h, A.units[1]!);
    for (let i = 0; i < 3; i++) {
      const res = await fresh.call('POST', '/api/snapshots', {
        body: { communityId: elsewhere.community.id, kind: 'SUGGESTION', text: '楼道灯坏了，晚上很暗' },
      });
      expect(res.status).toBe(404);
    }
    for (let i = 0; i < 2; i++) expect((await fileSnapshot(fresh)).status).toBe(201);
  });

  it("urgent: someone else's repair and one already urgent use none of the day's one appeal", async () => {
    const fresh = await resident(h, A.units[0]!);
    const theirs = await h.db.repairRequest.findFirstOrThrow({ where: { reporterId: neighbour.userId } });
    const urgent = (id: string) =>
      fresh.call('POST', `/api/repairs/${id}/actions`, { body: { action: 'urgent', reason: '漏水越来越严重' } });
    for (let i = 0; i < 2; i++) expect((await urgent(theirs.id)).status).toBe(404);
    const filed = await fresh.call('POST', '/api/repairs', { body: repairBody(A.units[0]!.id) });
    expect((await urgent(filed.body.id)).status).toBe(200);
    // Already urgent: told so, not told to wait for tomorrow.
    const again = await urgent(filed.body.id);
    expect([again.status, again.body.message]).toEqual([409, '已经加急过了']);
  });

  it('staff uploads (completion photos, notice attachments) have their own, higher limit', async () => {
    const technician = await staff(h, 'TECHNICIAN', { id: A.community.id, companyId: A.companyId });
    for (let i = 0; i < 5; i++) expect((await upload(technician)).status).toBe(201);
  });
});
