import { Redis } from 'ioredis';
import RedisMock from 'ioredis-mock';

export type RedisMode = 'redis' | 'memory';

/**
 * `memory://` gives an in-process Redis (ioredis-mock): enough for a single BFF instance in local
 * development with nothing installed, but sessions, token locks and rate limits are then neither
 * shared between instances nor kept across restarts — never for production (config refuses it).
 */
export function createRedis(url: string, keyPrefix: string): { redis: Redis; mode: RedisMode } {
  if (url.startsWith('memory://')) {
    const mock = new RedisMock({ keyPrefix }) as unknown as Redis;
    return { redis: mock, mode: 'memory' };
  }
  const redis = new Redis(url, { keyPrefix, maxRetriesPerRequest: 2 });
  return { redis, mode: 'redis' };
}
