import type { z } from 'zod';
import type { Deps } from '../deps.js';

/** One run of a job: `retryCount` of `retryLimit` lets a handler tell its last attempt and record a final state. */
export type JobRun = { id: string; retryCount: number; retryLimit: number };
/** A job of a batch that failed: pg-boss retries it (or gives up on its last attempt). */
export type JobFailure = { id: string; message: string };

/**
 * A background job, declared once in its domain: its name, the shape of its payload, its handler
 * and how it is retried. Handlers must be idempotent: after a crash the same job runs again.
 * `handler` takes the jobs of a fetched batch one by one; `handleBatch` takes them all at once — for
 * a job whose work per job is a round trip or two, so a batch can share them.
 */
export type JobDefinition<T = unknown> = JobOptions<T> &
  (
    | { handler: (deps: Deps, data: T, job: JobRun) => Promise<void>; handleBatch?: never }
    | { handleBatch: (deps: Deps, jobs: (JobRun & { data: T })[]) => Promise<JobFailure[]>; handler?: never }
  );

type JobOptions<T> = {
  /** `<domain>.<what>`, e.g. `repairs.sla-sweep`. */
  name: string;
  schema: z.ZodType<T>;
  retry?: { limit: number; delaySeconds: number; backoff: boolean };
  /** A running job not finished by then is considered dead and retried (pg-boss expiry). */
  expireInSeconds?: number;
  /** At most one waiting and one running job per key (pg-boss "stately" queue). */
  singletonKey?: (data: T) => string;
  /** Jobs fetched per poll: large for cheap handlers, small for slow ones. */
  batchSize?: number;
};

/** A cron schedule, read in Asia/Shanghai time. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a job of any payload
export type ScheduleDefinition = { job: JobDefinition<any>; cron: string; data?: object };

export const defineJob = <T>(def: JobDefinition<T>): JobDefinition<T> => def;

export const DEFAULT_RETRY = { limit: 3, delaySeconds: 30, backoff: true } as const;
export const SCHEDULE_TZ = 'Asia/Shanghai';
