import client from 'prom-client';
import type { Deps } from './deps.js';
import { JOBS_SCHEMA } from './jobs/queue.js';

/**
 * Gauges read from the stores when /metrics is scraped. The connection pool and Redis are this
 * process's own. The job queues are the database's, the same from every API instance (aggregate with
 * max()): they are reported by the API, not the worker, so they still report when every worker is
 * down — the moment a queue grows.
 */
export function observeStores(deps: Pick<Deps, 'metrics' | 'sql' | 'redis' | 'redisMode'>, role: 'api' | 'worker') {
  const registers = [deps.metrics.registry];
  new client.Gauge({
    name: 'wyt_pg_pool_connections',
    help: 'PostgreSQL pool connections of this process (Prisma and prepared statements) by state',
    labelNames: ['state'] as const,
    registers,
    collect() {
      this.set({ state: 'total' }, deps.sql.totalCount);
      this.set({ state: 'idle' }, deps.sql.idleCount);
      this.set({ state: 'waiting' }, deps.sql.waitingCount);
    },
  });
  new client.Gauge({
    name: 'wyt_redis_up',
    help: 'Whether this process is connected to Redis (1) or not (0); mode memory is the development fallback',
    labelNames: ['mode'] as const,
    registers,
    collect() {
      this.reset();
      this.set({ mode: deps.redisMode }, deps.redisMode === 'memory' || deps.redis.status === 'ready' ? 1 : 0);
    },
  });
  if (role !== 'api') return;
  // Both queue gauges come from one query per scrape: the registry collects its metrics side by side,
  // so each gauge's collect asks for the scrape's query, and the first one starts it.
  type QueueRow = { queue: string; created: number; retry: number; active: number; age: number };
  let scrape: Promise<QueueRow[] | null> | null = null;
  const queues = () =>
    (scrape ??= deps.sql
      .query<QueueRow>(QUEUES_SQL)
      .then(
        (r) => r.rows,
        () => null, // the database away: these series are left out, the rest of the scrape answers
      )
      .finally(() => {
        scrape = null;
      }));
  new client.Gauge({
    name: 'wyt_jobs_queued',
    help: 'Jobs of each pg-boss queue by state: created and retry wait for a worker, active are being worked',
    labelNames: ['queue', 'state'] as const,
    registers,
    async collect() {
      const rows = await queues();
      this.reset();
      for (const r of rows ?? [])
        for (const state of ['created', 'retry', 'active'] as const) this.set({ queue: r.queue, state }, r[state]);
    },
  });
  new client.Gauge({
    name: 'wyt_jobs_oldest_due_age_seconds',
    help: 'Per queue, how long the oldest job due to run (created or retry, start time passed) has waited; 0 when none',
    labelNames: ['queue'] as const,
    registers,
    async collect() {
      const rows = await queues();
      this.reset();
      for (const r of rows ?? []) this.set({ queue: r.queue }, r.age);
    },
  });
}

/** Every queue, with zeros for the empty ones, so a series does not vanish when its queue drains. */
const QUEUES_SQL = `
  SELECT q.name AS queue,
         count(j.id) FILTER (WHERE j.state = 'created')::int AS created,
         count(j.id) FILTER (WHERE j.state = 'retry')::int AS retry,
         count(j.id) FILTER (WHERE j.state = 'active')::int AS active,
         coalesce(extract(epoch FROM now() - min(j.start_after) FILTER (WHERE j.state IN ('created', 'retry') AND j.start_after <= now())), 0)::float8 AS age
    FROM ${JOBS_SCHEMA}.queue q
    LEFT JOIN ${JOBS_SCHEMA}.job j ON j.name = q.name AND j.state IN ('created', 'retry', 'active')
   GROUP BY q.name`;
