import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useHarness } from './support/use-harness.js';
import { staff, type Actor } from './support/actors.js';
import { makeCommunity, makePushAudience } from './support/factories/index.js';
import { startWorkerProcess, type WorkerProcess } from './support/worker-process.js';
import { TEMPLATES } from '../bff/src/push/templates.js';
import { deliverPush } from '../bff/src/push/deliver.js';

/** Pushes delivered by real worker processes: never twice, and at most once across a crash. */
const h = useHarness();
const TPL = TEMPLATES.noticePublished.id;
let site: Awaited<ReturnType<typeof makeCommunity>>;
let manager: Actor;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  site = await makeCommunity(h.db, { units: 2 });
  manager = await staff(h, 'MANAGER', { id: site.community.id, companyId: site.companyId });
  const env = { JOBS_MAINTENANCE_SECONDS: '1' };
  workers.push(await startWorkerProcess(h, env), await startWorkerProcess(h, env));
}, 60_000);
afterAll(() => Promise.all(workers.map((w) => w.stop())));

async function publish(communityUnitTitle: string) {
  const { body } = await manager.call('POST', '/api/staff/notices', {
    body: { title: communityUnitTitle, body: '<p>x</p>', category: 'GENERAL', communityIds: [site.community.id] },
  });
  await manager.call('POST', `/api/staff/notices/${body.id}/publish`);
  return body.id as string;
}
const delivered = async () =>
  ((await (await fetch(`${h.simUrl}/sim/subscribe/delivered`)).json()) as { items: { touser: string }[] }).items;
const statuses = async (eventId: string) =>
  (await h.db.pushMessage.findMany({ where: { eventId }, select: { status: true } })).map((m) => m.status);

describe('push delivery by two worker processes', { timeout: 90_000 }, () => {
  it('delivers 300 messages, each exactly once', async () => {
    const audience = await makePushAudience(h, site.units[0]!, TPL, 300);
    const id = await publish('三百位住户');
    await expect
      .poll(async () => (await statuses(id)).filter((s) => s === 'SENT').length, { timeout: 30_000, interval: 250 })
      .toBe(300);
    const got = (await delivered()).filter((d) => audience.some((a) => a.openid === d.touser));
    expect(got).toHaveLength(300);
    expect(new Set(got.map((d) => d.touser)).size).toBe(300);
  });

  it('a worker killed after WeChat accepted, before recording it: the message ends UNKNOWN and is not resent', async () => {
    const [victim] = await makePushAudience(h, site.units[1]!, TPL, 1);
    await h.sim('/sim/subscribe/behaviour', { answerDelayMs: 5000 });
    const id = await publish('崩溃测试');
    await expect
      .poll(async () => (await delivered()).filter((d) => d.touser === victim!.openid).length, {
        timeout: 15_000,
        interval: 50,
      })
      .toBe(1);
    // WeChat has delivered; no worker lives to hear it. A fresh one picks the job up after it expires.
    for (const w of workers.splice(0)) {
      w.signal('SIGKILL');
      await w.exited;
    }
    await h.sim('/sim/subscribe/behaviour', { answerDelayMs: 0 });
    workers.push(await startWorkerProcess(h, { JOBS_MAINTENANCE_SECONDS: '1' }));
    // Its expiry (20 s after the fetch, by the database's clock) made past instead of waited out: the
    // jobs the dead workers held are now as old as their expiry, so maintenance fails them into a retry.
    const expired = await h.db.$executeRaw`
      UPDATE pgboss.job SET started_on = now() - expire_in WHERE name = ${deliverPush.name} AND state = 'active'`;
    expect(expired).toBeGreaterThan(0);
    await expect.poll(() => statuses(id), { timeout: 40_000, interval: 500 }).toEqual(['UNKNOWN']);
    expect((await delivered()).filter((d) => d.touser === victim!.openid)).toHaveLength(1);
    expect((await h.db.pushCredit.findFirstOrThrow({ where: { userId: victim!.id } })).credit).toBe(0);
  });
});
