import type PgBoss from 'pg-boss';
import type { Deps } from '../deps.js';
import type { Module } from '../module.js';
import { SCHEDULE_TZ, type JobDefinition } from './define.js';

/**
 * Runs every module's jobs and schedules in this process (worker.ts). Each job of a fetched batch is
 * handled on its own: one bad payload or one failing handler fails (and later retries) that job only.
 */
export async function startJobs(deps: Deps, modules: Module[]): Promise<void> {
  const { boss, config } = deps.jobs;
  const jobs = modules.flatMap((m) => m.jobs ?? []);
  for (const job of jobs) {
    await deps.jobs.ensureQueue(job);
    for (let i = 0; i < config.concurrency; i++) {
      await boss.work(job.name, { batchSize: job.batchSize ?? 20, pollingIntervalSeconds: config.pollSeconds, includeMetadata: true }, (batch) => runBatch(deps, job, batch));
    }
  }
  const schedules = modules.flatMap((m) => m.schedules ?? []);
  for (const s of schedules) {
    await deps.jobs.ensureQueue(s.job);
    await boss.schedule(s.job.name, s.cron, s.data ?? {}, { tz: SCHEDULE_TZ });
  }
  deps.logger.info({ jobs: jobs.map((j) => j.name), schedules: schedules.map((s) => `${s.job.name} ${s.cron}`) }, 'jobs started');
}

async function runBatch(deps: Deps, job: JobDefinition<any>, batch: PgBoss.JobWithMetadata<unknown>[]): Promise<void> {
  const failed: { id: string; message: string }[] = [];
  await Promise.all(
    batch.map(async ({ id, data, retryCount, retryLimit }) => {
      try {
        await job.handler(deps, job.schema.parse(data), { id, retryCount, retryLimit });
      } catch (err) {
        deps.logger.error({ job: job.name, jobId: id, err }, 'job failed');
        failed.push({ id, message: (err as Error).message });
      }
    }),
  );
  // Failed first: pg-boss then completes the rest of the batch (it completes only active jobs).
  for (const f of failed) await deps.jobs.boss.fail(job.name, f.id, { message: f.message });
}
