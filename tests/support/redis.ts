import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeEach } from 'vitest';
import { TEST_REDIS_URL } from './env.js';
import { scanKeys } from './redis-keys.js';

/**
 * Real Redis for a unit test file: `connect()` gives a client with a key prefix of the current test's
 * own; the file's keys are deleted after it.
 */
export function useTestRedis(area: string) {
  const root = `t:${area}:${randomBytes(4).toString('hex')}:`;
  const clients: Redis[] = [];
  let prefix = root;
  beforeEach(() => {
    prefix = `${root}${randomBytes(6).toString('hex')}:`;
  });
  afterAll(async () => {
    const admin = new Redis(TEST_REDIS_URL);
    const keys = await scanKeys(admin, `${root}*`);
    if (keys.length) await admin.del(...keys);
    await admin.quit();
    await Promise.all(clients.map((r) => r.quit()));
  });
  return {
    connect(): Redis {
      const redis = new Redis(TEST_REDIS_URL, { keyPrefix: prefix });
      clients.push(redis);
      return redis;
    },
  };
}
