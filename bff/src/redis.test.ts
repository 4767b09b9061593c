import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TEST_REDIS_URL } from '../../tests/support/env.js';
import { loadConfig } from './config.js';
import { createRedis, parseClusterUrl, redisScript } from './redis.js';

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

describe('REDIS_URL for a Redis Cluster (docs/production.md, Redis Cluster)', () => {
  it('is accepted by the config, with a key prefix that holds no hash tag', () => {
    const base = { DATABASE_URL: 'postgresql://x@h/db', WECHAT_APPID: 'wx1', WECHAT_SECRET: 's' };
    const url = 'redis-cluster://10.0.0.1:6379,10.0.0.2:6379';
    expect(loadConfig({ ...base, REDIS_URL: url }).redisUrl).toBe(url);
    expect(() => loadConfig({ ...base, REDIS_URL: url, REDIS_KEY_PREFIX: 'wyt:{a}:' })).toThrow(
      /REDIS_KEY_PREFIX: must not contain \{ or \}/,
    );
  });

  it('names the seed nodes, the credentials and TLS', () => {
    expect(parseClusterUrl('redis-cluster://10.0.0.1:6379,10.0.0.2:7000')).toEqual({
      nodes: [
        { host: '10.0.0.1', port: 6379 },
        { host: '10.0.0.2', port: 7000 },
      ],
      tls: false,
    });
    expect(parseClusterUrl('rediss-cluster://app:p%40ss@r1.example:6380,r2.example:6380/')).toEqual({
      nodes: [
        { host: 'r1.example', port: 6380 },
        { host: 'r2.example', port: 6380 },
      ],
      username: 'app',
      password: 'p@ss',
      tls: true,
    });
  });
});
