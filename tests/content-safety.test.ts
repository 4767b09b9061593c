import { beforeAll, describe, expect, it } from 'vitest';
import { expireMediaChecks } from '../bff/src/moderation/media-check.js';
import { messageSignature } from '../bff/src/moderation/signature.js';
import { useHarness } from './support/use-harness.js';
import { resident, staff, type Actor } from './support/actors.js';
import { makeCommunity, repairBody } from './support/factories/index.js';
import { multipart, phonePhoto } from './support/images.js';

/**
 * Content safety (docs/wechat.md §7) through the simulator: text screened where it is written, wall
 * photos shown only after WeChat's verdict reaches the message URL, the moderation queue for the rest.
 */
const h = useHarness({ worker: true });
let A: Awaited<ReturnType<typeof makeCommunity>>;
let owner: Actor;
let neighbour: Actor;
let manager: Actor;
let technician: Actor;
let outsider: Actor;

beforeAll(async () => {
  A = await makeCommunity(h.db, { units: 2 });
  const B = await makeCommunity(h.db, { units: 1 });
  owner = await resident(h, A.units[0]!);
  neighbour = await resident(h, A.units[1]!);
  manager = await staff(h, 'MANAGER', { id: A.community.id, companyId: A.companyId });
  technician = await staff(h, 'TECHNICIAN', { id: A.community.id, companyId: A.companyId });
  outsider = await staff(h, 'MANAGER', { id: B.community.id, companyId: B.companyId });
});

const queue = async (status = 'PENDING') =>
  (await manager.call('GET', `/api/staff/communities/${A.community.id}/moderation?status=${status}`)).body;
const file = (body: Record<string, unknown>) =>
  owner.call('POST', '/api/repairs', { body: repairBody(A.units[0]!.id, body) });
async function photo(who: Actor) {
  const { body, contentType } = multipart(await phonePhoto({ width: 160, height: 120 }));
  return (await who.call('POST', '/api/uploads', { raw: body, headers: { 'content-type': contentType } })).body
    .id as string;
}

describe('text', () => {
  it('refuses risky text with a clear message and stores nothing', async () => {
    const before = await h.db.repairRequest.count();
    const res = await file({ description: '可以代开发票，联系我' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'CONTENT_RISKY', message: expect.stringMatching(/违规/) });
    expect(await h.db.repairRequest.count()).toBe(before);
  });

  it('holds review text: the repair is filed, the technician sees it only after a manager passes it', async () => {
    const filed = (await file({ description: '师傅来之前加微信联系' })).body;
    expect(filed).toMatchObject({ status: 'SUBMITTED', textHeld: true, description: '师傅来之前加微信联系' }); // its author sees it
    await manager.call('POST', `/api/repairs/${filed.id}/actions`, { body: { action: 'accept' } });
    await manager.call('POST', `/api/repairs/${filed.id}/actions`, {
      body: { action: 'assign', technicianId: technician.userId },
    });
    expect((await technician.call('GET', `/api/repairs/${filed.id}`)).body.description).toBe('（内容审核中）');
    const item = (await queue()).items.find((i: any) => i.recordId === filed.id);
    expect(item).toMatchObject({ kind: 'repair', reason: 'REVIEW', text: expect.stringContaining('加微信') });
    expect(
      (await outsider.call('POST', `/api/staff/moderation/${item.id}/decision`, { body: { approve: true } })).status,
    ).toBe(404);
    const [first, second] = await Promise.all([
      manager.call('POST', `/api/staff/moderation/${item.id}/decision`, { body: { approve: true } }),
      manager.call('POST', `/api/staff/moderation/${item.id}/decision`, { body: { approve: true } }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    expect((await technician.call('GET', `/api/repairs/${filed.id}`)).body.description).toBe('师傅来之前加微信联系');
    expect((await queue('APPROVED')).items.map((i: any) => i.id)).toContain(item.id);
  });

  it('every field under review is hidden from the technician, in their job list too, and a rejection hides them all', async () => {
    const filed = (
      await file({ part: '卫生间', phenomenon: '下水堵了，加微信细聊', description: '', preferredTime: '周六上午' })
    ).body;
    expect(filed).toMatchObject({ textHeld: true, phenomenon: '下水堵了，加微信细聊', preferredTime: '周六上午' });
    await manager.call('POST', `/api/repairs/${filed.id}/actions`, { body: { action: 'accept' } });
    await manager.call('POST', `/api/repairs/${filed.id}/actions`, {
      body: { action: 'assign', technicianId: technician.userId },
    });
    const HELD = '（内容审核中）';
    const job = (await technician.call('GET', '/api/repairs/jobs')).body.items.find((r: any) => r.id === filed.id);
    expect(job).toMatchObject({ part: HELD, phenomenon: HELD });
    expect((await technician.call('GET', `/api/repairs/${filed.id}`)).body).toMatchObject({
      part: HELD,
      phenomenon: HELD,
      description: HELD,
      preferredTime: HELD,
    });
    // The office moderates it, so sees it; so does its author in their own list.
    const inbox = (await manager.call('GET', `/api/staff/communities/${A.community.id}/repairs`)).body.items;
    expect(inbox.find((r: any) => r.id === filed.id)).toMatchObject({ phenomenon: '下水堵了，加微信细聊' });
    const mine = (await owner.call('GET', '/api/repairs')).body.items;
    expect(mine.find((r: any) => r.id === filed.id)).toMatchObject({ phenomenon: '下水堵了，加微信细聊' });

    const item = (await queue()).items.find((i: any) => i.recordId === filed.id);
    expect(item.text).toContain('周六上午');
    await manager.call('POST', `/api/staff/moderation/${item.id}/decision`, { body: { approve: false } });
    const HIDDEN = '（内容未通过审核，已隐藏）';
    for (const who of [technician, manager, owner])
      expect((await who.call('GET', `/api/repairs/${filed.id}`)).body).toMatchObject({
        textHeld: false,
        part: HIDDEN,
        phenomenon: HIDDEN,
        description: HIDDEN,
        preferredTime: HIDDEN,
      });
    const after = (await technician.call('GET', '/api/repairs/jobs')).body.items.find((r: any) => r.id === filed.id);
    expect(after).toMatchObject({ part: HIDDEN, phenomenon: HIDDEN });
  });

  it('holds text when WeChat gives no verdict (an error, or a user not seen for 2 hours): never published by default', async () => {
    await h.sim('/sim/faults', { api: 'msg_sec_check', errcode: -1, times: 2 }); // the call and its one retry
    const failed = (await file({ description: '水管爆了' })).body;
    expect(failed.textHeld).toBe(true);
    expect((await queue()).items.find((i: any) => i.recordId === failed.id)).toMatchObject({ reason: 'ERROR' });

    await h.sim('/sim/clock', { advanceMs: 2 * 3600_000 + 60_000 }); // 61010: not seen in the app for 2 hours
    try {
      expect((await file({ description: '门锁坏了' })).body.textHeld).toBe(true);
    } finally {
      await h.sim('/sim/clock', { advanceMs: -(2 * 3600_000 + 60_000) });
    }
    expect((await file({ description: '门锁坏了' })).body.textHeld).toBe(false);
  });

  it('a rejected rating comment is removed; the rating stays', async () => {
    const id = (await file({})).body.id as string;
    for (const [who, body] of [
      [manager, { action: 'accept' }],
      [manager, { action: 'assign', technicianId: technician.userId }],
      [
        technician,
        { action: 'contact', appointmentAt: new Date(h.deps.clock.now().getTime() + 3600_000).toISOString() },
      ],
      [technician, { action: 'arrive' }],
      [technician, { action: 'resolve', workDone: '已修好' }],
    ] as const)
      expect((await who.call('POST', `/api/repairs/${id}/actions`, { body })).status).toBe(200);
    const rated = (
      await owner.call('POST', `/api/repairs/${id}/actions`, {
        body: { action: 'rate', attitude: 5, quality: 4, comment: '师傅很好，我要举报隔壁' },
      })
    ).body;
    expect(rated.rating).toMatchObject({ attitude: 5, held: true });
    expect((await technician.call('GET', `/api/repairs/${id}`)).body.rating.comment).toBe('（内容审核中）');
    const item = (await queue()).items.find((i: any) => i.recordId === id && i.kind === 'repair-rating');
    await manager.call('POST', `/api/staff/moderation/${item.id}/decision`, { body: { approve: false } });
    expect((await technician.call('GET', `/api/repairs/${id}`)).body.rating).toMatchObject({
      attitude: 5,
      quality: 4,
      comment: null,
      held: false,
    });
  });
});

describe('wall photos', { timeout: 30_000 }, () => {
  const wall = async (who: Actor = neighbour) =>
    (await who.call('GET', `/api/communities/${A.community.id}/praise-wall`)).body.items;
  async function praise(outcome: string, text = '保安师傅帮我把快递搬上楼') {
    await h.sim('/sim/security/config', { mediaOutcomes: [outcome] });
    const res = await owner.call('POST', '/api/snapshots', {
      body: { communityId: A.community.id, kind: 'PRAISE', text, wallConsent: true, uploadIds: [await photo(owner)] },
    });
    expect(res.status).toBe(201);
    // The simulator answers checks in the order they reach it: one at a time, so each gets its outcome.
    await expect.poll(async () => (await check(res.body.id)).traceId, { timeout: 10_000 }).toBeTruthy();
    return res.body as { id: string; photos: { id: string }[] };
  }
  const check = (id: string) => h.db.mediaCheck.findFirstOrThrow({ where: { recordId: id } });

  it('shows a photo on the wall only after its pass verdict reaches the message URL', async () => {
    await h.sim('/sim/security/config', { mediaDelayMs: 1500, duplicatePushes: true });
    const s = await praise('pass');
    expect((await wall()).find((w: any) => w.id === s.id)).toMatchObject({ photos: [] }); // text is up, the photo waits
    await expect.poll(async () => (await check(s.id)).status, { timeout: 10_000 }).toBe('PASS');
    const shown = (await wall()).find((w: any) => w.id === s.id);
    expect(shown.photos.map((p: any) => p.id)).toEqual([s.photos[0]!.id]);
    expect(shown.author).toMatch(/\*/);
    // WeChat downloaded it from our public URL, and its duplicate push changed nothing.
    const checks = (await (await fetch(`${h.simUrl}/sim/security/media-checks`)).json()) as {
      items: { url: string; traceId: string }[];
    };
    const { traceId } = await check(s.id);
    expect(checks.items.find((c) => c.traceId === traceId)!.url.startsWith(`${h.url}/files/`)).toBe(true);
    expect(await h.db.contentReview.count({ where: { recordId: s.id } })).toBe(0);
    await h.sim('/sim/security/config', { mediaDelayMs: 50, duplicatePushes: false });
  });

  it('review and -1008 go to the moderation queue; a manager passing it puts it on the wall; risky never shows', async () => {
    const reviewed = await praise('review');
    const undownloadable = await praise('download-failed');
    const risky = await praise('risky');
    await expect
      .poll(
        async () => (await Promise.all([reviewed, undownloadable, risky].map((s) => check(s.id)))).map((c) => c.status),
        { timeout: 10_000 },
      )
      .toEqual(['REVIEW', 'REVIEW', 'RISKY']);
    const items = (await queue()).items.filter((i: any) => i.kind === 'snapshot-photo');
    const forReviewed = items.find((i: any) => i.recordId === reviewed.id);
    expect(forReviewed).toMatchObject({ reason: 'REVIEW', photo: { id: reviewed.photos[0]!.id } });
    expect(items.find((i: any) => i.recordId === undownloadable.id)).toMatchObject({ reason: 'DOWNLOAD_FAILED' });
    expect(items.find((i: any) => i.recordId === risky.id)).toBeUndefined();
    await manager.call('POST', `/api/staff/moderation/${forReviewed.id}/decision`, { body: { approve: true } });
    const shown = await wall();
    expect(shown.find((w: any) => w.id === reviewed.id).photos).toHaveLength(1);
    expect(shown.find((w: any) => w.id === risky.id).photos).toHaveLength(0);
    expect(shown.find((w: any) => w.id === undownloadable.id).photos).toHaveLength(0);
  });

  it('no verdict in 30 minutes: the photo goes to the queue', async () => {
    const silent = await praise('none');
    await h.db.mediaCheck.updateMany({
      where: { recordId: silent.id },
      data: { createdAt: new Date(h.deps.clock.now().getTime() - 31 * 60_000) },
    });
    expect(await h.runJob(expireMediaChecks, {})).toBe('completed');
    expect((await check(silent.id)).status).toBe('REVIEW');
    expect((await queue()).items.find((i: any) => i.recordId === silent.id)).toMatchObject({ reason: 'NO_VERDICT' });
  });

  it('the message URL answers WeChat’s verification only with a valid signature', async () => {
    const token = h.deps.config.wechat.messageToken;
    const ts = String(Math.floor(h.deps.clock.now().getTime() / 1000));
    const q = (sig: string) => `/api/wechat/message?signature=${sig}&timestamp=${ts}&nonce=n0nce&echostr=hello`;
    expect((await h.call('GET', q(messageSignature('wrong', ts, 'n0nce')))).status).toBe(403);
    const ok = await h.call('GET', q(messageSignature(token, ts, 'n0nce')));
    expect([ok.status, ok.body]).toEqual([200, 'hello']);
  });

  /** A push signed now by WeChat: the signature covers token, timestamp and nonce — not the body. */
  function signedUrl(at: number, nonce: string, extra = '') {
    const timestamp = String(Math.floor(at / 1000));
    const signature = messageSignature(h.deps.config.wechat.messageToken, timestamp, nonce);
    return `/api/wechat/message?signature=${signature}&timestamp=${timestamp}&nonce=${nonce}${extra}`;
  }
  const verdict = (traceId: string, suggest: string) => ({
    MsgType: 'event',
    Event: 'wxa_media_check',
    trace_id: traceId,
    version: 2,
    errcode: 0,
    result: { suggest, label: suggest === 'pass' ? 100 : 20002 },
  });

  it('the message URL refuses a push whose timestamp is more than five minutes off our clock', async () => {
    const now = h.deps.clock.now().getTime();
    for (const off of [-301_000, 301_000, -86_400_000]) {
      const stale = await h.call('GET', signedUrl(now + off, `stale${off}`, '&echostr=hello'));
      expect(stale).toMatchObject({
        status: 403,
        body: { code: 'FORBIDDEN', message: expect.stringContaining('过期') },
      });
    }
    // A pass verdict replayed from yesterday does not put a waiting photo on the wall.
    const waiting = await praise('none');
    const old = await h.call('POST', signedUrl(now - 86_400_000, 'yesterday'), {
      body: verdict((await check(waiting.id)).traceId!, 'pass'),
    });
    expect(old.status).toBe(403);
    expect((await check(waiting.id)).status).toBe('PENDING');
    // Within the window (this file runs on the real clock: a margin for the time the requests take).
    for (const off of [-290_000, 290_000]) {
      const at = h.deps.clock.now().getTime() + off;
      expect((await h.call('GET', signedUrl(at, `fresh${off}`, '&echostr=hello'))).body).toBe('hello');
    }
  });

  it('the message URL takes each nonce once: a captured URL replayed with another body changes nothing', async () => {
    const first = await praise('none');
    const second = await praise('none');
    const url = signedUrl(h.deps.clock.now().getTime(), 'c4ptured');
    const genuine = await h.call('POST', url, { body: verdict((await check(first.id)).traceId!, 'risky') });
    expect([genuine.status, genuine.body]).toEqual([200, 'success']);
    expect((await check(first.id)).status).toBe('RISKY');
    // Someone who saw that URL reuses its signature for a verdict of their own choosing.
    const replayed = await h.call('POST', url, { body: verdict((await check(second.id)).traceId!, 'pass') });
    expect(replayed).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN', message: expect.stringContaining('重复') },
    });
    expect((await check(second.id)).status).toBe('PENDING');
    expect((await wall()).find((w: any) => w.id === second.id).photos).toHaveLength(0);
  });

  it('WeChat retrying a push it already delivered (same timestamp and nonce, same body) hears success and nothing changes twice', async () => {
    const s = await praise('none');
    const url = signedUrl(h.deps.clock.now().getTime(), 'r3try');
    const body = verdict((await check(s.id)).traceId!, 'pass');
    expect((await h.call('POST', url, { body })).body).toBe('success');
    const retried = await h.call('POST', url, { body });
    expect([retried.status, retried.body]).toEqual([200, 'success']);
    expect((await check(s.id)).status).toBe('PASS');
  });

  it('a retry arriving while the first delivery is still being processed is never refused as a replay', async () => {
    const s = await praise('none');
    const url = signedUrl(h.deps.clock.now().getTime(), 'sl0w');
    const body = verdict((await check(s.id)).traceId!, 'risky');
    const both = await Promise.all([h.call('POST', url, { body }), h.call('POST', url, { body })]);
    expect(both.map((r) => [r.status, r.body])).toEqual([
      [200, 'success'],
      [200, 'success'],
    ]);
    expect((await check(s.id)).status).toBe('RISKY');
  });

  it("WeChat's retries work whether they carry the same nonce or a new one (which it does is not documented)", async () => {
    for (const duplicatePushes of ['same-nonce', 'new-nonce'] as const) {
      expect((await h.sim('/sim/security/config', { mediaDelayMs: 50, duplicatePushes })) ?? null).toBeDefined();
      const s = await praise('pass');
      await expect.poll(async () => (await check(s.id)).status, { timeout: 10_000 }).toBe('PASS');
      expect(await h.db.contentReview.count({ where: { recordId: s.id } })).toBe(0);
    }
    await h.sim('/sim/security/config', { mediaDelayMs: 50, duplicatePushes: false });
  });
});
