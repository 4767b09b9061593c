import { beforeAll, describe, expect, it } from 'vitest';
import { useHarness } from './support/use-harness.js';
import { resident, staff, type Actor } from './support/actors.js';
import { makeCommunity } from './support/factories/index.js';
import { deleteKeys, scanKeys } from './support/redis-keys.js';
import { genKey } from '../bff/src/notices/cache.js';
import { RunningClock } from './support/running-clock.js';

/** Notices: drafts, targeting, withdrawal, safe HTML, exact read receipts (issue 12). */
// Real time, so notices published one after the other are ordered; an end date is skipped to, not slept out.
const clock = new RunningClock();
const h = useHarness({ clock });
let A: Awaited<ReturnType<typeof makeCommunity>>;
let B: Awaited<ReturnType<typeof makeCommunity>>;
let managerA: Actor;
let admin: Actor;
let residentsA: Actor[];
let residentB: Actor;
let stranger: Actor;

beforeAll(async () => {
  A = await makeCommunity(h.db, { units: 6 });
  B = await makeCommunity(h.db, { companyId: A.companyId, units: 2 });
  const other = await makeCommunity(h.db, { units: 1 });
  managerA = await staff(h, 'MANAGER', { id: A.community.id, companyId: A.companyId }, { name: '王经理' });
  admin = await staff(h, 'COMPANY_ADMIN', { id: null, companyId: A.companyId });
  residentsA = [];
  for (const unit of A.units.slice(0, 4)) residentsA.push(await resident(h, unit, { name: '住户甲' }));
  residentB = await resident(h, B.units[0]!);
  stranger = await resident(h, other.units[0]!);
});

const draft = (by: Actor, body: Record<string, unknown>) =>
  by.call('POST', '/api/staff/notices', {
    body: { title: '停水通知', body: '<p>明日停水</p>', category: 'OUTAGE', ...body },
  });
const listOf = async (who: Actor, communityId: string, query = '') =>
  who.call('GET', `/api/notices?communityId=${communityId}${query}`);
const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((n) => n.id);

describe('drafts and targeting', () => {
  it('a draft is invisible to residents until published, then only to the targeted community', async () => {
    const created = await draft(managerA, { communityIds: [A.community.id] });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('DRAFT');
    const id = created.body.id;
    expect(ids(await listOf(residentsA[0]!, A.community.id))).not.toContain(id);
    expect((await residentsA[0]!.call('GET', `/api/notices/${id}`)).status).toBe(404);

    expect((await managerA.call('POST', `/api/staff/notices/${id}/publish`)).body.status).toBe('PUBLISHED');
    const list = await listOf(residentsA[0]!, A.community.id);
    expect(list.body.items.find((n: { id: string }) => n.id === id)).toMatchObject({ read: false, category: 'OUTAGE' });
    // Community B's resident: not in their list, not by id, and A's list is not theirs to read.
    expect(ids(await listOf(residentB, B.community.id))).not.toContain(id);
    expect((await residentB.call('GET', `/api/notices/${id}`)).status).toBe(404);
    expect((await listOf(residentB, A.community.id)).status).toBe(404);
    expect((await managerA.call('POST', `/api/staff/notices/${id}/publish`)).body.code).toBe('ALREADY_DECIDED');
  });

  it('a company admin reaches every community of the company and no other; a manager only their own', async () => {
    const res = await draft(admin, { allCommunities: true, category: 'GENERAL', title: '物业公司通知' });
    expect(res.body.communityIds.sort()).toEqual([A.community.id, B.community.id].sort());
    await admin.call('POST', `/api/staff/notices/${res.body.id}/publish`);
    expect(ids(await listOf(residentsA[1]!, A.community.id))).toContain(res.body.id);
    expect(ids(await listOf(residentB, B.community.id))).toContain(res.body.id);
    expect((await stranger.call('GET', `/api/notices/${res.body.id}`)).status).toBe(404);
    expect((await draft(managerA, { allCommunities: true })).status).toBe(404);
    expect((await draft(managerA, { communityIds: [B.community.id] })).status).toBe(404);
    // Nor may a manager rewrite the company's notice to all communities.
    const edit = await managerA.call('PUT', `/api/staff/notices/${res.body.id}`, {
      body: { version: 1, title: '改', body: 'x', category: 'GENERAL', allCommunities: true },
    });
    expect(edit.status).toBe(404);
  });
});

describe('withdrawal and the cache', () => {
  it('a withdrawn notice is gone from the cached list and by id at once; its history stays for staff', async () => {
    const { body } = await draft(managerA, { communityIds: [A.community.id], title: '临时通知' });
    await managerA.call('POST', `/api/staff/notices/${body.id}/publish`);
    expect(ids(await listOf(residentsA[0]!, A.community.id))).toContain(body.id); // now cached
    const withdrawn = await managerA.call('POST', `/api/staff/notices/${body.id}/withdraw`, {
      body: { reason: '内容有误' },
    });
    expect(withdrawn.body).toMatchObject({ status: 'WITHDRAWN', withdrawReason: '内容有误' });
    expect(ids(await listOf(residentsA[0]!, A.community.id))).not.toContain(body.id);
    expect((await residentsA[0]!.call('GET', `/api/notices/${body.id}`)).status).toBe(404);
    expect((await managerA.call('GET', `/api/staff/notices/${body.id}`)).body.status).toBe('WITHDRAWN');
  });

  it('an edit of a published notice keeps the earlier text and marks it updated; a stale edit is refused', async () => {
    const { body } = await draft(managerA, { communityIds: [A.community.id], title: '初版标题' });
    await managerA.call('POST', `/api/staff/notices/${body.id}/publish`);
    const item = async () =>
      (await listOf(residentsA[2]!, A.community.id)).body.items.find((n: { id: string }) => n.id === body.id);
    // Never edited, no end: the list leaves both out.
    expect(Object.keys(await item()).sort()).toEqual(['category', 'id', 'pinned', 'publishedAt', 'read', 'title']);
    const edit = (version: number, title: string) =>
      managerA.call('PUT', `/api/staff/notices/${body.id}`, {
        body: { version, title, body: '<p>更正</p>', category: 'OUTAGE', communityIds: [A.community.id] },
      });
    expect((await edit(1, '更正后的标题')).status).toBe(200);
    expect((await edit(1, '另一人同时修改')).body.code).toBe('CONFLICT');
    const mine = await item();
    expect(mine).toMatchObject({ title: '更正后的标题' });
    expect(mine.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T.+Z$/);
    const staffView = await managerA.call('GET', `/api/staff/notices/${body.id}`);
    expect(staffView.body.versions).toEqual([expect.objectContaining({ version: 1, title: '初版标题' })]);
  });
});

describe('when Redis loses its data', () => {
  /**
   * Redis restarted without persistence: every key of this harness is gone (never FLUSHALL a shared
   * Redis) but the sessions — after a real loss the users sign in again, which these actors cannot.
   */
  const loseRedisData = async () => {
    const prefix = h.deps.config.redisKeyPrefix;
    const keys = (await scanKeys(h.deps.redis, `${prefix}*`)).map((k) => k.slice(prefix.length));
    const lost = keys.filter((k) => !k.startsWith('sess:'));
    await deleteKeys(h.deps.redis, lost);
  };

  it('the list is rebuilt from PostgreSQL: a notice published after the loss shows, a withdrawn one stays gone', async () => {
    const C = await makeCommunity(h.db, { companyId: A.companyId, units: 1 });
    const managerC = await staff(h, 'MANAGER', { id: C.community.id, companyId: A.companyId });
    const residentC = await resident(h, C.units[0]!);
    const publish = async (title: string) => {
      const { body } = await draft(managerC, { communityIds: [C.community.id], title });
      await managerC.call('POST', `/api/staff/notices/${body.id}/publish`);
      return body.id as string;
    };
    expect(ids(await listOf(residentC, C.community.id))).toEqual([]); // cached while empty
    const first = await publish('第一条');
    expect(ids(await listOf(residentC, C.community.id))).toEqual([first]); // cached with the first

    await loseRedisData();
    expect(ids(await listOf(residentC, C.community.id))).toEqual([first]);
    const second = await publish('第二条');
    expect(ids(await listOf(residentC, C.community.id))).toEqual([second, first]);

    await loseRedisData();
    await managerC.call('POST', `/api/staff/notices/${first}/withdraw`, { body: { reason: '内容有误' } });
    expect(ids(await listOf(residentC, C.community.id))).toEqual([second]);
  });

  it('a list generation lives a short while only, so a bump lost after commit is outlived within 30 seconds', async () => {
    const publishedTo = await draft(managerA, { communityIds: [A.community.id], title: '代数' });
    await managerA.call('POST', `/api/staff/notices/${publishedTo.body.id}/publish`);
    await listOf(residentsA[0]!, A.community.id);
    const ttl = await h.deps.redis.ttl(genKey(A.community.id));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(30);
  });
});

describe('an end date', () => {
  it('is shown in the list until it passes; then the notice is gone from list and detail', async () => {
    const until = new Date(clock.now().getTime() + 3000).toISOString();
    const { body } = await draft(managerA, {
      communityIds: [A.community.id],
      title: '限时通知',
      effectiveUntil: until,
    });
    await managerA.call('POST', `/api/staff/notices/${body.id}/publish`);
    const listed = (await listOf(residentsA[3]!, A.community.id)).body.items.find(
      (n: { id: string }) => n.id === body.id,
    );
    expect(listed.effectiveUntil).toBe(until);
    clock.advance(3100);
    expect(ids(await listOf(residentsA[3]!, A.community.id))).not.toContain(body.id);
    expect((await residentsA[3]!.call('GET', `/api/notices/${body.id}`)).status).toBe(404);
  });
});

describe('attachments', () => {
  it('are claimed by the notice, seen by its residents, and can be taken off again', async () => {
    const { multipart, phonePhoto } = await import('./support/images.js');
    const form = multipart(await phonePhoto({ width: 100, height: 80 }));
    const photo = (
      await managerA.call('POST', '/api/uploads', { raw: form.body, headers: { 'content-type': form.contentType } })
    ).body;
    const { body } = await draft(managerA, { communityIds: [A.community.id], uploadIds: [photo.id] });
    await managerA.call('POST', `/api/staff/notices/${body.id}/publish`);
    expect(
      (await residentsA[0]!.call('GET', `/api/notices/${body.id}`)).body.attachments.map((a: { id: string }) => a.id),
    ).toEqual([photo.id]);
    expect((await residentsA[0]!.call('GET', `/api/uploads/${photo.id}`)).status).toBe(200);
    expect((await residentB.call('GET', `/api/uploads/${photo.id}`)).status).toBe(404);
    const edit = await managerA.call('PUT', `/api/staff/notices/${body.id}`, {
      body: {
        version: 1,
        title: '停水通知',
        body: '<p>明日停水</p>',
        category: 'OUTAGE',
        communityIds: [A.community.id],
        removeUploadIds: [photo.id],
      },
    });
    expect(edit.status).toBe(200);
    expect((await managerA.call('GET', `/api/staff/notices/${body.id}`)).body.attachments).toEqual([]);
    expect((await residentsA[0]!.call('GET', `/api/uploads/${photo.id}`)).status).toBe(404);
    expect(await h.db.upload.findUniqueOrThrow({ where: { id: photo.id } })).toMatchObject({ claimedAt: null });
  });
});

describe('safe HTML', () => {
  it('strips scripts, event handlers and javascript: links on the server', async () => {
    const { body } = await draft(managerA, {
      communityIds: [A.community.id],
      body: '<p onclick="x()">正文</p><script>alert(1)</script><a href="javascript:alert(2)">点我</a>',
    });
    expect(body.body).toBe('<p>正文</p><a>点我</a>');
    await managerA.call('POST', `/api/staff/notices/${body.id}/publish`);
    expect((await residentsA[0]!.call('GET', `/api/notices/${body.id}`)).body.body).toBe('<p>正文</p><a>点我</a>');
  });
});

describe('read receipts', () => {
  it('are exact under 100 concurrent reads of one resident and of many, with the doors still to knock on', async () => {
    const { body } = await draft(managerA, { communityIds: [A.community.id], title: '电梯停运' });
    await managerA.call('POST', `/api/staff/notices/${body.id}/publish`);
    await Promise.all(Array.from({ length: 100 }, () => residentsA[0]!.call('GET', `/api/notices/${body.id}`)));
    const stats = async () => (await managerA.call('GET', `/api/staff/notices/${body.id}`)).body.reads;
    expect(await stats()).toEqual({ readCount: 1, targetCount: 4, readRate: 0.25 });
    await Promise.all(
      residentsA.slice(0, 3).flatMap((r) => Array.from({ length: 34 }, () => r.call('GET', `/api/notices/${body.id}`))),
    );
    expect(await stats()).toEqual({ readCount: 3, targetCount: 4, readRate: 0.75 });
    expect(
      (await listOf(residentsA[1]!, A.community.id)).body.items.find((n: { id: string }) => n.id === body.id).read,
    ).toBe(true);

    const unread = await managerA.call('GET', `/api/staff/notices/${body.id}/unread-units`);
    // A's six units: four bound residents, three have read → the fourth resident's unit and the two empty ones.
    expect(unread.body.items.map((u: { number: string }) => u.number).sort()).toEqual(['401', '501', '601']);
    const withMember = unread.body.items.find((u: { number: string }) => u.number === '401');
    expect(withMember.members[0].phone).toMatch(/^\+86 1\d{2}\*{4}\d{4}$/);
    expect(withMember.members[0].name).toBe('住**');
  });
});

describe('the resident list', () => {
  it('puts pinned first, filters by category, pages with a cursor and counts the total', async () => {
    const c = await makeCommunity(h.db, { companyId: A.companyId, units: 1 });
    const manager = await staff(h, 'MANAGER', { id: c.community.id, companyId: A.companyId });
    const reader = await resident(h, c.units[0]!);
    const made: string[] = [];
    for (const [i, extra] of [{}, { pinned: true }, { category: 'EVENT' }, {}, {}].entries()) {
      const { body } = await draft(manager, { communityIds: [c.community.id], title: `第${i}条`, ...extra });
      await manager.call('POST', `/api/staff/notices/${body.id}/publish`);
      made.push(body.id);
    }
    const first = await listOf(reader, c.community.id, '&limit=2');
    expect(first.body.total).toBe(5);
    expect(first.body.items[0].id).toBe(made[1]); // pinned
    const second = await listOf(reader, c.community.id, `&limit=2&cursor=${first.body.nextCursor}`);
    const third = await listOf(reader, c.community.id, `&limit=2&cursor=${second.body.nextCursor}`);
    expect([...ids(first), ...ids(second), ...ids(third)]).toEqual([made[1], made[4], made[3], made[2], made[0]]);
    expect(third.body.nextCursor).toBeNull();
    expect(ids(await listOf(reader, c.community.id, '&category=EVENT'))).toEqual([made[2]]);
    expect((await listOf(reader, c.community.id, '&cursor=garbage')).status).toBe(400);
  });
});
