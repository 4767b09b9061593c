import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TEST_REDIS_URL } from '../../tests/support/env.js';
import { createRedis, redisScript } from './redis.js';

const first = redisScript<string>('testFirst', 1, `return redis.call('SET', KEYS[1], ARGV[1])`);
const second = redisScript<string | null>('testSecond', 1, `return redis.call('GET', KEYS[1])`);

describe('redisScript', () => {
  it('scripts first used in the same tick as other commands, on an auto-pipelining client, all answer', async () => {
    const prefix = `t:script:${randomBytes(4).toString('hex')}:`;
    const { redis } = createRedis(TEST_REDIS_URL, prefix);
    const crashes: unknown[] = [];
    const onCrash = (err: unknown) => crashes.push(err);
    process.on('uncaughtException', onCrash);
    try {
      await redis.ping();
      // One tick, one pipeline: a plain command, then two scripts this client has never sent.
      const answers = await Promise.all([redis.get('a'), first(redis, 'a', 'x'), second(redis, 'b')]);
      expect(answers).toEqual([null, 'OK', null]);
      expect(await second(redis, 'a')).toBe('x');
      await new Promise((r) => setTimeout(r, 50));
      expect(crashes).toEqual([]);
      await redis.del('a');
    } finally {
      process.off('uncaughtException', onCrash);
      redis.disconnect();
    }
  });
});
