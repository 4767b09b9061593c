import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_APPID } from './support/harness.js';
import { useHarness } from './support/use-harness.js';
import { startWorkerProcess, type WorkerProcess } from './support/worker-process.js';
import { grantRole, makeCommunity, makeUser } from './support/factories/index.js';
import { probeJob } from '../bff/src/jobs/probe.js';

/**
 * The job queue's promises, with real worker processes on one queue: every job handled exactly once,
 * a job whose worker dies is retried after its expiry with its effect once, a job enqueued in a
 * rolled-back transaction never exists, a graceful stop lets the running job finish.
 */
const h = useHarness();
const workers: WorkerProcess[] = [];
const probe = (key: string) => h.db.jobProbe.findUnique({ where: { key } });

beforeAll(async () => {
  // Expiry is checked every second here, so a dead worker's job comes back quickly.
  const env = { JOBS_MAINTENANCE_SECONDS: '1' };
  workers.push(await startWorkerProcess(h, env), await startWorkerProcess(h, env));
}, 60_000);
afterAll(() => Promise.all(workers.map((w) => w.stop())));

describe('two worker processes on one queue', { timeout: 60_000 }, () => {
  it('handle 1,000 jobs, each exactly once, both taking part', async () => {
    const keys = Array.from({ length: 1000 }, (_, i) => `bulk-${i}`);
    await h.deps.jobs.sendMany(
      probeJob,
      keys.map((key) => ({ key })),
    );
    await expect
      .poll(() => h.db.jobProbe.count({ where: { key: { startsWith: 'bulk-' }, effects: 1 } }), {
        timeout: 30_000,
        interval: 250,
      })
      .toBe(1000);
    const rows = await h.db.jobProbe.findMany({ where: { key: { startsWith: 'bulk-' } } });
    expect(rows.filter((r) => r.attempts !== 1)).toEqual([]);
    expect(new Set(rows.map((r) => r.doneBy))).toEqual(new Set(workers.map((w) => w.pid)));
  });

  it('a handler that runs twice for the same thing has its effect once', async () => {
    await h.deps.jobs.send(probeJob, { key: 'twice' });
    await expect.poll(async () => (await probe('twice'))?.effects, { timeout: 10_000 }).toBe(1);
    await h.deps.jobs.send(probeJob, { key: 'twice' });
    await expect.poll(async () => (await probe('twice'))?.attempts, { timeout: 10_000 }).toBe(2);
    expect((await probe('twice'))?.effects).toBe(1);
  });

  it('a job enqueued in a transaction exists only if the transaction commits', async () => {
    await expect(
      h.db.$transaction(async (tx) => {
        await h.deps.jobs.send(probeJob, { key: 'rolled-back' }, { tx });
        throw new Error('the caller changes its mind');
      }),
    ).rejects.toThrow('changes its mind');
    await h.db.$transaction(async (tx) => {
      await h.deps.jobs.send(probeJob, { key: 'committed' }, { tx });
    });
    await expect.poll(async () => (await probe('committed'))?.effects, { timeout: 10_000 }).toBe(1);
    const stored = await h.db.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM pgboss.job WHERE data->>'key' = 'rolled-back'`;
    expect(Number(stored[0]!.n)).toBe(0);
    expect(await probe('rolled-back')).toBeNull();
  });

  it('a graceful stop lets the running job finish', async () => {
    await h.deps.jobs.send(probeJob, { key: 'graceful', pauseFirstMs: 1500 });
    await expect.poll(async () => (await probe('graceful'))?.attempts, { timeout: 10_000, interval: 50 }).toBe(1);
    const startedBy = (await probe('graceful'))!.startedBy;
    const runner = workers.find((w) => w.pid === startedBy)!;
    runner.signal('SIGTERM');
    expect(await runner.exited).toBe(0);
    expect(await probe('graceful')).toMatchObject({ attempts: 1, effects: 1, doneBy: runner.pid });
    workers.splice(workers.indexOf(runner), 1, await startWorkerProcess(h, { JOBS_MAINTENANCE_SECONDS: '1' }));
  });

  it('a worker killed mid-job: the job is retried after its expiry by another, its effect once', async () => {
    await h.deps.jobs.send(probeJob, { key: 'crash', pauseFirstMs: 30_000 });
    await expect.poll(async () => (await probe('crash'))?.attempts, { timeout: 10_000, interval: 50 }).toBe(1);
    const startedBy = (await probe('crash'))!.startedBy;
    const victim = workers.find((w) => w.pid === startedBy)!;
    victim.signal('SIGKILL');
    await victim.exited;
    // Its expiry (10 s after the fetch, by the database's clock) made past instead of waited out: the
    // survivor's maintenance (every second) fails it into its retry.
    const expired = await h.db.$executeRaw`
      UPDATE pgboss.job SET started_on = now() - expire_in
       WHERE name = ${probeJob.name} AND state = 'active' AND data->>'key' = 'crash'`;
    expect(expired).toBe(1);
    const survivor = workers.find((w) => w !== victim)!;
    await expect.poll(async () => (await probe('crash'))?.effects, { timeout: 20_000, interval: 250 }).toBe(1);
    expect(await probe('crash')).toMatchObject({ attempts: 2, effects: 1, doneBy: survivor.pid });
  });
});

describe('schedules', () => {
  it('are registered by the workers in Asia/Shanghai time', async () => {
    const rows = await h.db.$queryRaw<
      { name: string; cron: string; timezone: string }[]
    >`SELECT name, cron, timezone FROM pgboss.schedule`;
    expect(rows).toContainEqual({ name: 'uploads.purge-unclaimed', cron: '17 * * * *', timezone: 'Asia/Shanghai' });
  });
});

describe('failed jobs', { timeout: 60_000 }, () => {
  it('are kept after their last retry and listed for a company admin only', async () => {
    // A payload the job's schema refuses fails every attempt (3 retries, no delay for the probe).
    await h.deps.jobs.boss.send(probeJob.name, { key: '' });
    const site = await makeCommunity(h.db, { units: 1 });
    const admin = await makeUser(h.db, TEST_APPID, { name: '林总' });
    await grantRole(h.db, admin.id, site.companyId, 'COMPANY_ADMIN', null);
    const token = await h.loginAs(admin.openid);
    // A worker of its own: the earlier tests stopped and killed some (and the survivor's log explains any failure).
    workers.push(await startWorkerProcess(h, { JOBS_MAINTENANCE_SECONDS: '1' }));
    try {
      await expect
        // three attempts, each a poll away; generous because the whole suite shares two cores
        .poll(async () => (await h.call('GET', '/api/admin/jobs/failed', { token })).body.items.length, {
          timeout: 45_000,
          interval: 250,
        })
        .toBe(1);
    } catch (err) {
      throw new Error(
        `${(err as Error).message}\n${workers.map((w) => `--- worker ${w.pid}:\n${w.output().slice(-3000)}`).join('\n')}`,
        { cause: err },
      );
    }
    const { body } = await h.call('GET', '/api/admin/jobs/failed', { token });
    expect(body.items[0]).toMatchObject({ name: 'platform.probe', data: { key: '' }, retryCount: 3 });
    const resident = await h.loginAs('o_not_admin');
    expect((await h.call('GET', '/api/admin/jobs/failed', { token: resident })).status).toBe(404);
  });
});
