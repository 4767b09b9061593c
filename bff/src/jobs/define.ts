import type { z } from 'zod';
import type { Deps } from '../deps.js';

/**
 * A background job, declared once in its domain: its name, the shape of its payload, its handler
 * and how it is retried. Handlers must be idempotent: after a crash the same job runs again.
 */
export type JobDefinition<T = unknown> = {
  /** `<domain>.<what>`, e.g. `repairs.sla-sweep`. */
  name: string;
  schema: z.ZodType<T>;
  /** `retryCount` of `retryLimit`: a handler can tell its last attempt and record a final state. */
  handler: (deps: Deps, data: T, job: { id: string; retryCount: number; retryLimit: number }) => Promise<void>;
  retry?: { limit: number; delaySeconds: number; backoff: boolean };
  /** A running job not finished by then is considered dead and retried (pg-boss expiry). */
  expireInSeconds?: number;
  /** At most one waiting and one running job per key (pg-boss "stately" queue). */
  singletonKey?: (data: T) => string;
  /** Jobs fetched per poll: large for cheap handlers, small for slow ones. */
  batchSize?: number;
};

/** A cron schedule, read in Asia/Shanghai time. */
export type ScheduleDefinition = { job: JobDefinition<any>; cron: string; data?: object };

export const defineJob = <T>(def: JobDefinition<T>): JobDefinition<T> => def;

export const DEFAULT_RETRY = { limit: 3, delaySeconds: 30, backoff: true } as const;
export const SCHEDULE_TZ = 'Asia/Shanghai';
