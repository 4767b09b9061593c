/**
 * `npm run bench`: figures for the running system, one line each: `BENCH <name> <value> <unit>`.
 * Uses the same services as the tests (DATABASE_URL / REDIS_URL, defaulting to the local ones), a
 * database of its own with the demo seed, the simulator and the BFF on loopback ports.
 */
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { createSimulator } from '../simulator/src/app.js';
import { loadConfig } from '../bff/src/config.js';
import { closeDeps, createDeps } from '../bff/src/deps.js';
import { createApp } from '../bff/src/app.js';
import { createLogger } from '../bff/src/logger.js';
import { seedDemo, DEMO_OPENIDS } from '../prisma/seed.js';
import { listen } from '../tests/support/listen.js';
import { ADMIN_DATABASE_URL, TEST_REDIS_URL, databaseUrl } from '../tests/support/env.js';
import { run } from './lib/processes.js';
import { weappSizes, WEAPP_DIST } from './lib/weapp-size.js';
import { existsSync } from 'node:fs';

const root = resolve(import.meta.dirname, '..');
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);
const print = (name: string, value: number, unit: string) => process.stdout.write(`BENCH ${name} ${value} ${unit}\n`);

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  await c.connect();
  await c.query(sql);
  await c.end();
}

async function cannon(url: string, headers: Record<string, string> = {}) {
  const result = await autocannon({ url, connections: 20, duration: DURATION_S, headers });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result;
}

async function main() {
  // The weapp package as WeChat counts it (npm run build:weapp first; the limit is 2 MB for the main package).
  if (existsSync(join(WEAPP_DIST, 'app.json'))) {
    const sizes = weappSizes();
    print('weapp_main_kb', sizes.mainKb, 'KB');
    print('weapp_total_kb', sizes.totalKb, 'KB');
  } else {
    process.stderr.write('miniapp/dist is missing: run `npm run build:weapp` to measure the weapp package\n');
  }
  const dbName = `wyt_bench_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE "${dbName}"`);
  const appid = 'wx_bench_app';
  const secret = randomBytes(16).toString('hex');
  const sim = createSimulator([{ appid, secret }]);
  const simServer = await listen(sim.app);
  const prefix = `bench:${randomBytes(4).toString('hex')}:`;
  try {
    await run(join(root, 'node_modules/.bin/prisma'), ['migrate', 'deploy'], { ...process.env, DATABASE_URL: databaseUrl(dbName) });
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl(dbName),
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      WECHAT_APPID: appid,
      WECHAT_SECRET: secret,
      WECHAT_API_BASE: simServer.url,
    });
    const deps = createDeps(config, { logger: createLogger('silent') });
    await seedDemo(deps.db, appid);
    const bff = await listen(createApp(deps));

    const mint = async (openid: string) =>
      ((await (await fetch(`${simServer.url}/sim/login-code`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) })).json()) as { code: string }).code;
    const login = async (openid: string) => {
      const res = await fetch(`${bff.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: await mint(openid) }) });
      return ((await res.json()) as { token: string }).token;
    };

    // Login: sequential, each with a fresh code, as residents open the app.
    const latencies: number[] = [];
    for (let i = 0; i < 200; i++) {
      const code = await mint(`bench-user-${i % 50}`);
      const t0 = performance.now();
      const res = await fetch(`${bff.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`login failed: ${res.status}`);
      latencies.push(performance.now() - t0);
    }
    latencies.sort((a, b) => a - b);
    print('login_p50', Math.round(latencies[100]! * 10) / 10, 'ms');
    print('login_p99', Math.round(latencies[197]! * 10) / 10, 'ms');

    const health = await cannon(`${bff.url}/healthz`);
    print('healthz_throughput', Math.round(health.requests.average), 'req/s');

    const token = await login(DEMO_OPENIDS.owner);
    const me = await cannon(`${bff.url}/api/me`, { authorization: `Bearer ${token}` });
    print('me_throughput', Math.round(me.requests.average), 'req/s');
    print('me_p99', me.latency.p99, 'ms');
    print('bff_rss', Math.round(process.memoryUsage().rss / 1024 / 1024), 'MB');

    await bff.close();
    const keys = await deps.redis.keys(`${prefix}*`);
    if (keys.length) await deps.redis.del(...keys.map((k) => k.slice(prefix.length)));
    await closeDeps(deps);
  } finally {
    await simServer.close();
    await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  }
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
