import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useHarness } from './support/use-harness.js';
import { startWorkerProcess, type WorkerProcess } from './support/worker-process.js';
import { probeJob } from '../bff/src/jobs/probe.js';

/**
 * A worker that found a full batch fetches again at once instead of sleeping out its polling
 * interval: a backlog drains at the handlers' pace, not at a batch per interval.
 */
const h = useHarness();
let worker: WorkerProcess;

beforeAll(async () => {
  worker = await startWorkerProcess(h, { JOBS_POLL_SECONDS: '3', JOBS_CONCURRENCY: '1' });
}, 60_000);
afterAll(() => worker.stop());

describe('a backlog of jobs', { timeout: 60_000 }, () => {
  it('five full batches take about one polling interval, not five', async () => {
    const n = 5 * probeJob.batchSize!;
    const t0 = Date.now();
    await h.deps.jobs.sendMany(
      probeJob,
      Array.from({ length: n }, (_, i) => ({ key: `backlog-${i}` })),
    );
    await expect
      .poll(() => h.db.jobProbe.count({ where: { key: { startsWith: 'backlog-' }, effects: 1 } }), {
        timeout: 30_000,
        interval: 100,
      })
      .toBe(n);
    // The first fetch may wait out one 3 s interval; sleeping after each full batch would add 12 s more.
    expect(Date.now() - t0).toBeLessThan(9_000);
  });
});
