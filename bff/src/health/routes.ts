import type { Deps } from '../deps.js';
import { createRouter } from '../http/router.js';

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
  router.get('/healthz', async (ctx) => {
    const health = await checkHealth(deps);
    ctx.status = health.ok ? 200 : 503;
    ctx.body = health;
  });
  return router;
}
