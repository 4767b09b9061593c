import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../bff/src/config.js';
import { closeDeps, createDeps } from '../bff/src/deps.js';
import { createApp, createModuleRegistry } from '../bff/src/app.js';
import { createLogger } from '../bff/src/logger.js';
import { ADMIN_DATABASE_URL, TEST_REDIS_URL } from './support/env.js';
import { listen } from './support/listen.js';
import { startHarness } from './support/harness.js';
import { createTestDatabase } from './support/database.js';
import { expectedMigrations } from '../bff/src/migrations.js';
import pg from 'pg';

async function healthWith(databaseUrl: string, redisUrl: string, path = '/healthz') {
  const deps = createDeps(
    loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      WECHAT_APPID: 'wx_h',
      WECHAT_SECRET: 'x',
      WECHAT_API_BASE: 'http://127.0.0.1:9',
    }),
    { registry: createModuleRegistry(), logger: createLogger('silent') },
  );
  const server = await listen(createApp(deps));
  try {
    const res = await fetch(`${server.url}${path}`);
    return { status: res.status, body: await res.json() };
  } finally {
    await server.close();
    deps.redis.disconnect();
    await closeDeps(deps);
  }
}

describe('GET /healthz', () => {
  it('really pings both stores and answers 503 naming the one that is down', async () => {
    expect(await healthWith(ADMIN_DATABASE_URL, TEST_REDIS_URL)).toEqual({
      status: 200,
      body: { ok: true, db: 'ok', redis: 'ok', redisMode: 'redis' },
    });
    expect(await healthWith(ADMIN_DATABASE_URL, 'redis://127.0.0.1:1')).toMatchObject({
      status: 503,
      body: { ok: false, db: 'ok', redis: 'down' },
    });
    expect(await healthWith('postgresql://postgres@127.0.0.1:1/none', TEST_REDIS_URL)).toMatchObject({
      status: 503,
      body: { ok: false, db: 'down', redis: 'ok' },
    });
  });
});

describe('GET /readyz', () => {
  it('is ready when both stores answer and the database has every migration; 503 naming what is not', async () => {
    const database = await createTestDatabase();
    try {
      expect(await healthWith(database.url, TEST_REDIS_URL, '/readyz')).toEqual({
        status: 200,
        body: { ready: true, db: 'ok', redis: 'ok', migrations: 'current' },
      });
      // The newest migration missing, as on a database no one migrated before this release.
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      await client.query('DELETE FROM _prisma_migrations WHERE migration_name = $1', [expectedMigrations().at(-1)]);
      await client.end();
      expect(await healthWith(database.url, TEST_REDIS_URL, '/readyz')).toEqual({
        status: 503,
        body: { ready: false, db: 'ok', redis: 'ok', migrations: 'behind' },
      });
    } finally {
      await database.drop();
    }
    expect(await healthWith(ADMIN_DATABASE_URL, 'redis://127.0.0.1:1', '/readyz')).toMatchObject({
      status: 503,
      body: { ready: false, redis: 'down' },
    });
  });
});

describe('BFF start-up', () => {
  it('refuses to start without its configuration and lists everything missing', () => {
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH };
    const res = spawnSync(process.execPath, ['--import', 'tsx', 'bff/src/main.ts'], {
      env,
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(res.status).toBe(78);
    for (const key of ['DATABASE_URL', 'REDIS_URL', 'WECHAT_APPID', 'WECHAT_SECRET'])
      expect(res.stderr).toContain(`${key} is missing`);
  });
});

describe('a misconfigured AppSecret', () => {
  it('is reported as a server problem, not as the user’s bad code', async () => {
    const h = await startHarness();
    try {
      h.simState.apps.set(h.deps.config.wechat.appid, {
        appid: h.deps.config.wechat.appid,
        secret: 'rotated-on-the-platform',
      });
      const res = await h.call('POST', '/api/auth/login', { body: { code: await h.mintLoginCode('o_misconfigured') } });
      expect([res.status, res.body.code]).toEqual([502, 'WECHAT_MISCONFIGURED']);
    } finally {
      await h.close();
    }
  });
});
