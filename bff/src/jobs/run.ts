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

/**
 * Handlers of one batch running at once: more only wait for the database pool (10 connections) with
 * their expiry clocks running.
 */
const HANDLERS_PER_BATCH = 10;

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
  if (job.handler) return runEach(deps, job, batch, runs, failed);
  if (runs.length > 0) {
    try {
      failed.push(...(await job.handleBatch(deps, runs)));
    } catch (err) {
      deps.logger.error({ job: job.name, jobs: runs.length, err }, 'job batch failed');
      failed.push(...runs.map((r) => ({ id: r.id, message: (err as Error).message })));
    }
  }
  // Failed first: pg-boss then completes the rest of the batch (it completes only active jobs).
  for (const f of failed) await deps.jobs.boss.fail(job.name, f.id, { message: f.message });
}

/**
 * The jobs of a batch one by one (HANDLERS_PER_BATCH at a time), against the batch's expiry.
 *
 * pg-boss clocks a whole batch from its fetch: every job's `started_on` is the fetch, and when the
 * batch's promise has not settled after `expireInSeconds` it fails every job of it (so does its
 * maintenance, by `started_on + expire_in`); a failed job with retries left is fetched again — a
 * second run of jobs that were done, or that only waited their turn behind their batch (a batch of
 * 50 probe jobs with a 2 s expiry took up to 4 s on two loaded cores: 50 to 250 of 1,000 ran twice).
 * So each job is completed as soon as its handler returns, and a job is started only while the clock
 * leaves it twice what a job takes now; otherwise it is left to its retry (it has not run, so it runs
 * once) — unless this is its last attempt, which runs whatever the clock says.
 *
 * What did not succeed (a bad payload, a failing handler, a job left for its retry) is failed by
 * pg-boss in one statement when this throws, while those jobs are still active here: failed one by
 * one beforehand, a job with no retry delay could be fetched by another worker and then failed (or
 * completed) under it by that statement.
 */
async function runEach(
  deps: Deps,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a job of any payload
  job: JobDefinition<any> & { handler: (deps: Deps, data: any, job: JobRun) => Promise<void> },
  batch: PgBoss.JobWithMetadata<unknown>[],
  runs: (JobRun & { data: unknown })[],
  failed: JobFailure[],
): Promise<void> {
  const expirySeconds = Math.max(1, Math.min(...batch.map((j) => Number(j.expireInSeconds) || 1)));
  // The batch's clock started at its fetch (the database's `started_on`, on this machine's clock).
  const fetchedAt = Math.min(Date.now(), ...batch.map((j) => j.startedOn?.getTime() ?? Date.now()));
  const deadline = fetchedAt + expirySeconds * 1000;
  const took = durations(job.name);
  const completed = completer(deps.jobs.boss, job.name);
  const leftForRetry: string[] = [];
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < runs.length; i = next++) {
      const { data, ...run } = runs[i]!;
      if (Date.now() + 2 * took.recent() > deadline && run.retryCount < run.retryLimit) {
        leftForRetry.push(run.id);
        continue;
      }
      try {
        const started = Date.now();
        await job.handler(deps, data, run);
        took.add(Date.now() - started);
        completed.add(run.id);
      } catch (err) {
        deps.logger.error({ job: job.name, jobId: run.id, err }, 'job failed');
        failed.push({ id: run.id, message: (err as Error).message });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(HANDLERS_PER_BATCH, runs.length) }, lane));
  await completed.done();
  if (leftForRetry.length > 0) {
    deps.logger.warn(
      { job: job.name, jobs: leftForRetry.length, of: batch.length, expirySeconds },
      'jobs that could not finish before their expiry were not started: left for their retry',
    );
    failed.push(
      ...leftForRetry.map((id) => ({
        id,
        message: `not started: could not finish within ${expirySeconds} s of its fetch (jobs take ${took.recent()} ms now)`,
      })),
    );
  }
  if (failed.length > 0) throw new BatchFailures(failed);
}

/**
 * How long a job's handler takes in this process now: the longest recent run, halving every five
 * seconds — it follows the machine's load up at once, and one long run (a job that sleeps) does not
 * hold back the jobs after it for long.
 */
const recentDurations = new Map<string, { ms: number; at: number }>();
function durations(name: string) {
  const recent = () => {
    const r = recentDurations.get(name);
    return r ? Math.round(r.ms * 0.5 ** ((Date.now() - r.at) / 5000)) : 0;
  };
  return {
    recent,
    add: (ms: number) => recentDurations.set(name, { ms: Math.max(ms, recent()), at: Date.now() }),
  };
}

/** The jobs of a batch that did not succeed, as pg-boss records it on each of them (its `output`). */
class BatchFailures extends Error {
  constructor(failures: JobFailure[]) {
    super(
      failures.length === 1
        ? failures[0]!.message
        : `${failures.length} jobs of the batch failed: ${failures.map((f) => `${f.id}: ${f.message}`).join('; ')}`.slice(
            0,
            4000,
          ),
    );
    this.name = 'BatchFailures';
  }
}

/**
 * Completes jobs as they finish: what finishes while a completion is under way goes in the next one,
 * so a batch of quick jobs is still a handful of statements.
 */
function completer(boss: PgBoss, name: string) {
  let pending: string[] = [];
  let running: Promise<void> | undefined;
  let error: unknown;
  const flush = async () => {
    while (pending.length > 0) {
      const ids = pending;
      pending = [];
      await boss.complete(name, ids);
    }
  };
  const start = () => {
    running = flush()
      .catch((err: unknown) => void (error ??= err))
      .finally(() => (running = undefined));
  };
  return {
    add(id: string) {
      pending.push(id);
      if (!running) start();
    },
    async done() {
      while (running || pending.length > 0) {
        if (!running) start();
        await running;
      }
      if (error) throw error;
    },
  };
}
