import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importedPackages, runtimeDependencies } from '../scripts/build-bff.js';
import { freePort, waitForHttp } from '../scripts/lib/ports.js';
import { migrationsIn } from '../bff/src/migrations.js';
import { createTestDatabase } from './support/database.js';
import { TEST_REDIS_URL } from './support/env.js';
import { buildCompiledBff } from './support/compiled-bff.js';

/**
 * The compiled build as production runs it (docs/production.md): esbuild's output in a folder whose
 * node_modules holds only what `npm ci --omit=dev` installs (support/compiled-bff.ts), started with
 * plain `node` (no tsx) and NODE_ENV=production.
 */
const ROOT = resolve(import.meta.dirname, '..');
let build: Awaited<ReturnType<typeof buildCompiledBff>>;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
const children: ChildProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  build = await buildCompiledBff();
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await database.drop();
  build.remove();
});

function productionEnv(databaseUrl: string, port: number, metricsPort: number): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    METRICS_PORT: String(metricsPort),
    DATABASE_URL: databaseUrl,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: `t:prod:${port}:`,
    WECHAT_APPID: 'wx_prod_build',
    WECHAT_SECRET: 'not-used-at-start',
    PUBLIC_BASE_URL: 'https://wyt.example.com',
    LOG_LEVEL: 'warn',
  };
}

/** `node bff/dist/<file>` from the production folder, as `npm run start:api` runs it. */
function run(file: string, env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, build.args(file), {
    cwd: build.dir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, exited, output: () => output };
}

// Concurrent: each test starts its own processes on its own ports; most of their time is loading the
// bundle (≈ 0.7 s of CPU per process), which a machine shared with builds can stretch past 20 s.
describe.concurrent('npm run build: the compiled BFF', { timeout: 45_000 }, () => {
  it('imports only node built-ins and the runtime dependencies of bff/package.json', ({ expect }) => {
    const imported = importedPackages(build.metafile);
    expect(imported).toEqual(
      expect.arrayContaining(['koa', '@prisma/client', 'pg-boss', 'prom-client', 'chinese-days']),
    );
    expect(imported.filter((p) => !runtimeDependencies().includes(p))).toEqual([]);
    const devDependencies = Object.keys(
      (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: object }).devDependencies,
    );
    expect(imported.filter((p) => devDependencies.includes(p) && !runtimeDependencies().includes(p))).toEqual([]);
    expect(Object.keys(build.metafile.outputs).filter((o) => o.endsWith('.js'))).toHaveLength(3);
  });

  it('npm start: plain node, production settings, the API and a worker side by side; /healthz, /readyz, /metrics only on its own ports; one SIGTERM stops both', async ({
    expect,
  }) => {
    const [port, metricsPort, workerMetricsPort] = [await freePort(), await freePort(), await freePort()];
    const env = { ...productionEnv(database.url, port, metricsPort), WORKER_METRICS_PORT: String(workerMetricsPort) };
    const both = run('start.js', env);
    const fail = (err: Error) => {
      throw new Error(`${err.message}\n${both.output()}`);
    };
    const health = await waitForHttp(`http://127.0.0.1:${port}/healthz`, 35_000).catch(fail);
    expect(await health.json()).toEqual({ ok: true, db: 'ok', redis: 'ok', redisMode: 'redis' });
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect([ready.status, await ready.json()]).toEqual([
      200,
      { ready: true, db: 'ok', redis: 'ok', migrations: 'current' },
    ]);
    expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(404);
    const api = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    expect(api).toContain('wyt_http_request_duration_seconds_count{method="GET",route="/healthz",status="200"} 1');
    const worker = await (
      await waitForHttp(`http://127.0.0.1:${workerMetricsPort}/metrics`, 35_000).catch(fail)
    ).text();
    expect(worker).toContain('# TYPE wyt_push_deliveries_total counter');
    both.child.kill('SIGTERM');
    expect(await both.exited).toBe(0);
    await expect(fetch(`http://127.0.0.1:${workerMetricsPort}/metrics`)).rejects.toThrow();
  });

  it('refuses development settings in production, naming each variable', async ({ expect }) => {
    const env = {
      ...productionEnv(database.url, await freePort(), await freePort()),
      WECHAT_API_BASE: 'http://127.0.0.1:3900',
      PUBLIC_BASE_URL: 'http://127.0.0.1:3000',
    };
    const api = run('main.js', env);
    expect(await api.exited).toBe(78);
    expect(api.output()).toContain('WECHAT_API_BASE: must be https://api.weixin.qq.com in production');
    expect(api.output()).toContain('PUBLIC_BASE_URL: must be an https:// URL in production');
  });

  it('refuses to start on a database missing the newest migration, and says what to run', async ({ expect }) => {
    const newest = migrationsIn(join(ROOT, 'prisma/migrations')).at(-1)!;
    const behind = await createTestDatabase();
    try {
      const client = new pg.Client({ connectionString: behind.url });
      await client.connect();
      await client.query('DELETE FROM _prisma_migrations WHERE migration_name = $1', [newest]);
      await client.end();
      const env = {
        ...productionEnv(behind.url, await freePort(), await freePort()),
        WORKER_METRICS_PORT: String(await freePort()),
      };
      const [api, worker] = [run('main.js', env), run('worker.js', env)];
      for (const proc of [api, worker]) {
        expect(await proc.exited).toBe(78);
        expect(proc.output()).toContain(`1 migration(s) not applied (${newest})`);
        expect(proc.output()).toContain('Run `npm run db:migrate` with the same DATABASE_URL');
      }
    } finally {
      await behind.drop();
    }
  });
});

describe('npm run build: the script', () => {
  it('refuses to build the H5 app with the development login', () => {
    const res = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, TARO_APP_DEV_LOGIN: '1' },
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('TARO_APP_DEV_LOGIN is set');
  });
});
