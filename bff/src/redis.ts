import { createHash } from 'node:crypto';
import { Cluster, Redis } from 'ioredis';
import RedisMock from 'ioredis-mock';
import { assertOneSlot } from './redis-slot.js';

export type RedisMode = 'redis' | 'cluster' | 'memory';

/**
 * `redis-cluster://[user:password@]host:port,host:port…` (`rediss-cluster://` for TLS): the seed
 * nodes of a Redis Cluster; ioredis asks them for the slot map and finds the other nodes itself
 * (docs/production.md, Redis Cluster).
 */
export const CLUSTER_URL = /^rediss?-cluster:\/\//;

export function parseClusterUrl(url: string): {
  nodes: { host: string; port: number }[];
  username?: string;
  password?: string;
  tls: boolean;
} {
  const tls = url.startsWith('rediss-');
  const rest = url.replace(CLUSTER_URL, '');
  const at = rest.lastIndexOf('@');
  const auth = at >= 0 ? rest.slice(0, at) : '';
  const [user, password] = auth.split(':').map(decodeURIComponent);
  const nodes = rest
    .slice(at + 1)
    .replace(/\/.*$/, '')
    .split(',')
    .filter(Boolean)
    .map((hostPort) => {
      const i = hostPort.lastIndexOf(':');
      return { host: hostPort.slice(0, i), port: Number(hostPort.slice(i + 1)) };
    });
  return { nodes, tls, ...(user ? { username: user } : {}), ...(password ? { password } : {}) };
}

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
  if (CLUSTER_URL.test(url)) return { redis: createCluster(url, keyPrefix, commandTimeoutMs), mode: 'cluster' };
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

/**
 * A Redis Cluster client with the same behaviour as the single Redis above. It is handed around as a
 * `Redis`: the commands the BFF sends are the same, and every script, MULTI and multi-key command keeps
 * its keys in one slot (hash tags, redis-slot.ts). What differs — SCAN sees one node — is only used by
 * the tests, which ask `instanceof Cluster`.
 */
function createCluster(url: string, keyPrefix: string, commandTimeoutMs: number): Redis {
  const { nodes, username, password, tls } = parseClusterUrl(url);
  const cluster = new Cluster(nodes, {
    keyPrefix,
    enableAutoPipelining: true,
    clusterRetryStrategy: (times) => Math.min(times * 100, 1000),
    redisOptions: {
      commandTimeout: commandTimeoutMs,
      maxRetriesPerRequest: 0,
      ...(username ? { username } : {}),
      ...(password ? { password } : {}),
      ...(tls ? { tls: {} } : {}),
    },
  });
  cluster.once('ready', () => {
    cluster.options.enableOfflineQueue = false;
  });
  return cluster as unknown as Redis;
}

/** Errors that mean a store is unreachable, not that the request was wrong. */
export function isRedisDown(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  return (
    err.name === 'MaxRetriesPerRequestError' ||
    err.name === 'ClusterAllFailedError' ||
    /Command timed out|Stream isn't writeable|Connection is closed|ECONNREFUSED|ECONNRESET|Cluster isn't ready|CLUSTERDOWN|None of startup nodes/.test(
      err.message,
    )
  );
}

/**
 * A Lua script as a function of a Redis client: sent by its SHA1 (EVALSHA), and as a whole (EVAL, which
 * also caches it on that server) only when the server answers NOSCRIPT — once per script per node, and
 * again after a restart. The client's key prefix applies to its keys. The in-process fallback runs the
 * same Lua.
 *
 * Not ioredis's defineCommand: with auto-pipelining, a command defined after the current tick's
 * pipeline was created is missing from it — the call fails ("pipeline[functionName] is not a
 * function") and the pipeline's other callbacks crash the process ("results[i] is not iterable";
 * https://github.com/redis/ioredis/issues/1931). EVALSHA and EVAL are built in, on every pipeline.
 */
export function redisScript<R>(
  name: string,
  numberOfKeys: number,
  lua: string,
): (redis: Redis, ...keysThenArgs: string[]) => Promise<R> {
  const sha = createHash('sha1').update(lua).digest('hex');
  return async (redis, ...keysThenArgs) => {
    // On a cluster a script runs on one node, on one slot's keys: checked on every Redis, so a test on
    // a single Redis fails the same way (redis-slot.ts).
    assertOneSlot(`Lua script ${name}`, keysThenArgs.slice(0, numberOfKeys));
    try {
      return (await redis.evalsha(sha, numberOfKeys, ...keysThenArgs)) as R;
    } catch (err) {
      if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
      return (await redis.eval(lua, numberOfKeys, ...keysThenArgs)) as R;
    }
  };
}
