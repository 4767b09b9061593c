import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { ADMIN_DATABASE_URL, databaseUrl } from './env.js';

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database of its own for one test file, cloned from the run's template. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `wyt_t_${inject('runId')}_${randomBytes(4).toString('hex')}`;
  for (let attempt = 1; ; attempt++) {
    try {
      await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${inject('templateDb')}"`);
      break;
    } catch (err) {
      // Two clones of one template at the same instant can collide; a short retry settles it.
      if (attempt >= 5) throw err;
      await new Promise((r) => setTimeout(r, 100 * attempt));
    }
  }
  return {
    url: databaseUrl(name),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

/**
 * The Redis this vitest project runs on: the `redis-cluster` project's cluster (redis-cluster-setup.ts
 * provides it), else undefined — the run's own Redis (env.ts).
 */
export function projectRedisUrl(): string | undefined {
  return inject('redisClusterUrl');
}
