import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../bff/src/config.js';
import { closeDeps, createDeps, startDeps, type Deps } from '../bff/src/deps.js';
import { createLogger } from '../bff/src/logger.js';
import { modules } from '../bff/src/modules.js';
import { createRegistry } from '../bff/src/registry.js';
import { createTestDatabase } from './support/database.js';
import { TEST_REDIS_URL } from './support/env.js';

/**
 * Two workers starting at once on a database that has no queues yet (a first deployment, or a
 * release that adds a job): each creates every queue. pg-boss's createQueue inserts the queue's row
 * and makes its partition table; two of them at once can deadlock, and PostgreSQL then fails one —
 * which must not stop that worker (seen in tests/scale-out.test.ts: a worker exited with 1).
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
const deps: Deps[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: 't:queues-race:',
    WECHAT_APPID: 'wx_queues_race',
    WECHAT_SECRET: 'queues-race',
  });
  for (let i = 0; i < 2; i++)
    deps.push(
      createDeps(config, { role: 'worker', logger: createLogger('silent'), registry: createRegistry(modules) }),
    );
  await Promise.all(deps.map(startDeps));
});

afterAll(async () => {
  await Promise.all(deps.map(closeDeps));
  await database.drop();
});

describe('job queues created by several workers at once', () => {
  it('every worker ends up with every queue, none fails', async () => {
    const jobs = modules.flatMap((m) => m.jobs ?? []);
    const results = await Promise.allSettled(
      deps.map(async (d) => {
        for (const job of jobs) await d.jobs.ensureQueue(job);
      }),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const queues = await deps[0]!.jobs.boss.getQueues();
    expect(queues.map((q) => q.name)).toEqual(expect.arrayContaining(jobs.map((j) => j.name)));
  });
});
