import { Cluster, type Redis } from 'ioredis';

/**
 * Every key matching `pattern` (raw, without the client's prefix), by SCAN: never block a shared Redis.
 * On a Redis Cluster SCAN walks one node only, so each master is walked.
 */
export async function scanKeys(redis: Redis, pattern: string): Promise<string[]> {
  const nodes: Redis[] =
    (redis as unknown) instanceof Cluster ? (redis as unknown as Cluster).nodes('master') : [redis];
  const keys: string[] = [];
  for (const node of nodes) {
    let cursor = '0';
    do {
      const [next, batch] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      cursor = next;
      keys.push(...batch);
    } while (cursor !== '0');
  }
  return keys;
}

/** Deletes keys (without the client's prefix) one command each: on a cluster one DEL takes one slot's keys. */
export async function deleteKeys(redis: Redis, keys: string[]): Promise<void> {
  await Promise.all(keys.map((k) => redis.del(k)));
}
