import type PgBoss from 'pg-boss';
import type { Deps } from '../deps.js';
import type { Module } from '../module.js';
import { SCHEDULE_TZ, type JobDefinition, type JobFailure, type JobRun } from './define.js';

/**
 * Runs every module's jobs and schedules in this process (worker.ts). Each job of a fetched batch
 * fails on its own: one bad payload or one failing handler fails (and later retries) that job only —
 * a `handleBatch` says which of its jobs failed; if it throws, all of them did.
 */
export async function startJobs(deps: Deps, modules: Module[]): Promise<void> {
  const { boss, config } = deps.jobs;
  const jobs = modules.flatMap((m) => m.jobs ?? []);
  for (const job of jobs) {
    await deps.jobs.ensureQueue(job);
    const batchSize = job.batchSize ?? 20;
    for (let i = 0; i < config.concurrency; i++) {
      const worker: { id?: string } = {};
      worker.id = await boss.work(
        job.name,
        { batchSize, pollingIntervalSeconds: config.pollSeconds, includeMetadata: true },
        async (batch) => {
          // pg-boss sleeps out the rest of its polling interval after every batch; after a full one
          // more are likely waiting, so it fetches again at once.
          if (batch.length === batchSize && worker.id) boss.notifyWorker(worker.id);
          await runBatch(deps, job, batch);
        },
      );
    }
  }
  const schedules = modules.flatMap((m) => m.schedules ?? []);
  for (const s of schedules) {
    await deps.jobs.ensureQueue(s.job);
    await boss.schedule(s.job.name, s.cron, s.data ?? {}, { tz: SCHEDULE_TZ });
  }
  deps.logger.info(
    { jobs: jobs.map((j) => j.name), schedules: schedules.map((s) => `${s.job.name} ${s.cron}`) },
    'jobs started',
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a job of any payload
async function runBatch(deps: Deps, job: JobDefinition<any>, batch: PgBoss.JobWithMetadata<unknown>[]): Promise<void> {
  const failed: JobFailure[] = [];
  const runs: (JobRun & { data: unknown })[] = [];
  for (const { id, data, retryCount, retryLimit } of batch) {
    const parsed = job.schema.safeParse(data);
    if (parsed.success) runs.push({ id, data: parsed.data, retryCount, retryLimit });
    else {
      deps.logger.error({ job: job.name, jobId: id, err: parsed.error }, 'job failed: bad payload');
      failed.push({ id, message: `bad payload: ${parsed.error.message}` });
    }
  }
  if (job.handleBatch) {
    if (runs.length > 0) {
      try {
        failed.push(...(await job.handleBatch(deps, runs)));
      } catch (err) {
        deps.logger.error({ job: job.name, jobs: runs.length, err }, 'job batch failed');
        failed.push(...runs.map((r) => ({ id: r.id, message: (err as Error).message })));
      }
    }
  } else {
    await Promise.all(
      runs.map(async ({ data, ...run }) => {
        try {
          await job.handler(deps, data, run);
        } catch (err) {
          deps.logger.error({ job: job.name, jobId: run.id, err }, 'job failed');
          failed.push({ id: run.id, message: (err as Error).message });
        }
      }),
    );
  }
  // Failed first: pg-boss then completes the rest of the batch (it completes only active jobs).
  for (const f of failed) await deps.jobs.boss.fail(job.name, f.id, { message: f.message });
}
