import PgBoss from 'pg-boss';
import type { Db } from '../db.js';
import type { Logger } from '../logger.js';
import { DEFAULT_RETRY, type JobDefinition } from './define.js';

type Tx = Pick<Db, '$queryRawUnsafe'>;
export type SendOptions = {
  /** Enqueue inside this Prisma transaction: the job exists only if the transaction commits. */
  tx?: Tx;
  /** An idempotency key (uuid): sending the same id twice creates one job. */
  id?: string;
  /** Not before this instant, by the database's clock — or after this many seconds (for delays measured on `deps.clock`). */
  startAfter?: Date | number;
};

export type JobsConfig = {
  databaseUrl: string;
  pollSeconds: number;
  concurrency: number;
  maintenanceSeconds: number;
};

/** pg-boss runs its SQL through the caller's Prisma transaction (both speak $1 parameters). */
const inTransaction = (tx: Tx) => ({
  executeSql: async (text: string, values: unknown[]) => ({
    rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values),
  }),
});

/**
 * What PostgreSQL answers one of several processes creating the same queue at once (two workers
 * starting on a database without it): pg-boss's createQueue inserts the queue's row and creates and
 * attaches its partition table, and two of them deadlock (40P01), or the second meets the first's
 * row or table (23505, 42P07). Tried again, createQueue finds the queue there and does nothing.
 */
const QUEUE_RACE_CODES = new Set(['40P01', '23505', '42P07']);

async function createQueueOnce(boss: PgBoss, options: PgBoss.Queue): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await boss.createQueue(options.name, options);
      return;
    } catch (err) {
      if (attempt >= 5 || !QUEUE_RACE_CODES.has((err as { code?: string }).code ?? '')) throw err;
      await new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 50));
    }
  }
}

/** pg-boss keeps its tables in this schema of the application's own database. */
export const JOBS_SCHEMA = 'pgboss';

/**
 * The job queue: pg-boss on the application's PostgreSQL, so jobs survive restarts, live next to
 * the data and can be enqueued in the same transaction as the change that causes them. The API only
 * sends; worker processes (worker.ts) also work, supervise expiry and run the cron schedules.
 */
export class JobQueue {
  readonly boss: PgBoss;
  private readonly created = new Set<string>();

  constructor(
    readonly config: JobsConfig,
    role: 'api' | 'worker',
    logger: Logger,
  ) {
    this.boss = new PgBoss({
      connectionString: config.databaseUrl,
      schema: JOBS_SCHEMA,
      max: role === 'worker' ? 10 : 4,
      supervise: role === 'worker',
      schedule: role === 'worker',
      maintenanceIntervalSeconds: config.maintenanceSeconds,
      // Failed jobs stay listable for a quarter: someone has to look at them.
      archiveFailedAfterSeconds: 30 * 86_400,
      deleteAfterDays: 60,
    });
    // Without a listener an 'error' event (a dropped connection during an outage) would crash the
    // process; pg-boss reconnects by itself, so it is logged and nothing more.
    let lastWarning = 0;
    this.boss.on('error', (err) => {
      if (Date.now() - lastWarning < 10_000) return;
      lastWarning = Date.now();
      logger.warn({ err: err.message }, 'job queue: database error, retrying');
    });
  }

  async start(): Promise<void> {
    await this.boss.start();
  }

  async stop(opts: { graceful: boolean; timeoutMs?: number } = { graceful: true }): Promise<void> {
    await this.boss.stop({ graceful: opts.graceful, wait: true, timeout: opts.timeoutMs ?? 30_000 });
  }

  /** Creates the queue of a job (idempotent) and applies its current retry policy. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a job of any payload
  async ensureQueue(job: JobDefinition<any>): Promise<void> {
    if (this.created.has(job.name)) return;
    const retry = job.retry ?? DEFAULT_RETRY;
    const options: PgBoss.Queue = {
      name: job.name,
      policy: job.singletonKey ? 'stately' : 'standard',
      retryLimit: retry.limit,
      retryDelay: retry.delaySeconds,
      retryBackoff: retry.backoff,
      expireInSeconds: job.expireInSeconds ?? 15 * 60,
    };
    await createQueueOnce(this.boss, options);
    await this.boss.updateQueue(job.name, options);
    this.created.add(job.name);
  }

  /** Validates the payload against the job's schema and enqueues it. Null when deduplicated. */
  async send<T>(job: JobDefinition<T>, data: T, opts: SendOptions = {}): Promise<string | null> {
    await this.ensureQueue(job);
    const payload = job.schema.parse(data) as object;
    const { tx } = opts;
    return this.boss.send(job.name, payload, {
      ...(opts.id ? { id: opts.id } : {}),
      ...(opts.startAfter !== undefined
        ? {
            startAfter: typeof opts.startAfter === 'number' ? Math.max(0, Math.ceil(opts.startAfter)) : opts.startAfter,
          }
        : {}),
      ...(job.singletonKey ? { singletonKey: job.singletonKey(data) } : {}),
      ...(tx ? { db: inTransaction(tx) } : {}),
    });
  }

  /** Many jobs in one statement; `ids` (one per item) make them idempotent, `tx` transactional. */
  async sendMany<T>(job: JobDefinition<T>, items: T[], opts: { tx?: Tx; ids?: string[] } = {}): Promise<void> {
    await this.ensureQueue(job);
    const jobs = items.map((data, i) => ({
      name: job.name,
      data: job.schema.parse(data) as object,
      ...(opts.ids ? { id: opts.ids[i] } : {}),
    }));
    await this.boss.insert(jobs, opts.tx ? { db: inTransaction(opts.tx) } : {});
  }
}
