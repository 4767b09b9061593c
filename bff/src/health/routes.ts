import type { Deps } from '../deps.js';
import { createRouter } from '../http/router.js';
import { pendingMigrations } from '../migrations.js';

const within = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);

/** Really pings both stores; 503 when either is down so a load balancer stops sending traffic. */
export async function checkHealth(deps: Deps) {
  const [db, redis] = await Promise.allSettled([
    within(deps.db.$queryRaw`SELECT 1`, 2000),
    within(deps.redis.ping(), 2000),
  ]);
  const result = {
    ok: db.status === 'fulfilled' && redis.status === 'fulfilled',
    db: db.status === 'fulfilled' ? 'ok' : 'down',
    redis: redis.status === 'fulfilled' ? 'ok' : 'down',
    redisMode: deps.redisMode,
  };
  return result;
}

export function healthRoutes(deps: Deps) {
  const router = createRouter();
  // Migrations never go backwards: once current, this process need not ask again.
  let migrationsCurrent = false;
  const migrations = async (): Promise<'current' | 'behind' | 'unknown'> => {
    if (migrationsCurrent) return 'current';
    try {
      migrationsCurrent = (await within(pendingMigrations(deps.sql), 2000)).length === 0;
      return migrationsCurrent ? 'current' : 'behind';
    } catch {
      return 'unknown';
    }
  };
  router.get('/healthz', async (ctx) => {
    const health = await checkHealth(deps);
    ctx.status = health.ok ? 200 : 503;
    ctx.body = health;
  });
  /** Ready to take traffic: both stores answer and the database has every migration this code expects. */
  router.get('/readyz', async (ctx) => {
    const [health, state] = await Promise.all([checkHealth(deps), migrations()]);
    const ready = health.ok && state === 'current';
    ctx.status = ready ? 200 : 503;
    ctx.body = { ready, db: health.db, redis: health.redis, migrations: state };
  });
  return router;
}
