import { Redis } from 'ioredis';
import RedisMock from 'ioredis-mock';

export type RedisMode = 'redis' | 'memory';

/**
 * `memory://` gives an in-process Redis (ioredis-mock): enough for a single BFF instance in local
 * development with nothing installed, but sessions, token locks and rate limits are then neither
 * shared between instances nor kept across restarts — never for production (config refuses it).
 *
 * A real Redis fails fast when it is away: every command has a timeout, and once the first
 * connection is up the offline queue is switched off (ioredis reads the option per command), so a
 * request during an outage is answered 503 at once instead of waiting in a queue that piles up.
 */
export function createRedis(
  url: string,
  keyPrefix: string,
  commandTimeoutMs = 1000,
): { redis: Redis; mode: RedisMode } {
  if (url.startsWith('memory://')) {
    const mock = new RedisMock({ keyPrefix }) as unknown as Redis;
    return { redis: mock, mode: 'memory' };
  }
  const redis = new Redis(url, {
    keyPrefix,
    commandTimeout: commandTimeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: (times) => Math.min(times * 100, 1000),
    // Commands issued in the same tick share one round trip (hot paths read several keys at once).
    enableAutoPipelining: true,
  });
  redis.once('ready', () => {
    redis.options.enableOfflineQueue = false;
  });
  return { redis, mode: 'redis' };
}

/** Errors that mean a store is unreachable, not that the request was wrong. */
export function isRedisDown(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  return (
    err.name === 'MaxRetriesPerRequestError' ||
    /Command timed out|Stream isn't writeable|Connection is closed|ECONNREFUSED|ECONNRESET/.test(err.message)
  );
}

/**
 * A Lua script as a function of a Redis client: sent by its SHA1 (EVALSHA, ioredis's defineCommand,
 * which loads it on the first NOSCRIPT), with the client's key prefix applied to its keys. The
 * in-process fallback runs the same Lua.
 */
export function redisScript<R>(
  name: string,
  numberOfKeys: number,
  lua: string,
): (redis: Redis, ...keysThenArgs: string[]) => Promise<R> {
  const defined = new WeakSet<Redis>();
  return (redis, ...keysThenArgs) => {
    if (!defined.has(redis)) {
      redis.defineCommand(name, { numberOfKeys, lua });
      defined.add(redis);
    }
    return (redis as unknown as Record<string, (...a: string[]) => Promise<R>>)[name]!(...keysThenArgs);
  };
}
