/**
 * `npm run bench`: figures for the running system, one line each: `BENCH <name> <value> <unit>`.
 * Uses the same services as the tests (DATABASE_URL / REDIS_URL, defaulting to the local ones): a
 * database of its own with the demo seed, the simulator and the BFF on loopback ports.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { seedDemo, DEMO_OPENIDS } from '../prisma/seed.js';
import { startStack, TEST_APPID } from '../tests/support/harness.js';
import { ADMIN_DATABASE_URL, databaseUrl } from '../tests/support/env.js';
import { run } from './lib/processes.js';
import { startWorkerProcess } from '../tests/support/worker-process.js';
import { noopJob } from '../bff/src/jobs/probe.js';
import { multipart, phonePhoto } from '../tests/support/images.js';
import { weappSizes, WEAPP_DIST } from './lib/weapp-size.js';

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

/** The weapp package as WeChat counts it (the limit is 2 MB for the main package). */
function packageSizes() {
  if (!existsSync(join(WEAPP_DIST, 'app.json'))) {
    process.stderr.write('miniapp/dist is missing: run `npm run build:weapp` to measure the weapp package\n');
    return;
  }
  const sizes = weappSizes();
  print('weapp_main_kb', sizes.mainKb, 'KB');
  print('weapp_total_kb', sizes.totalKb, 'KB');
}

/** No-op jobs through two worker processes, from enqueue to the last completion. */
async function jobsPerSecond(stack: Awaited<ReturnType<typeof startStack>>): Promise<number> {
  const workers = [await startWorkerProcess(stack), await startWorkerProcess(stack)];
  try {
    const n = Number(process.env.BENCH_JOBS ?? 10_000);
    const completed = async () =>
      Number((await stack.db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pgboss.job WHERE name = ${noopJob.name} AND state = 'completed'`)[0]!.n);
    const before = await completed();
    const t0 = performance.now();
    await stack.deps.jobs.sendMany(noopJob, Array.from({ length: n }, () => ({})));
    while ((await completed()) - before < n) await new Promise((r) => setTimeout(r, 20));
    return Math.round(n / ((performance.now() - t0) / 1000));
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
  }
}

/** A 12-megapixel phone JPEG through POST /api/uploads: sniff, re-encode, thumbnail, store. */
async function uploadP50(stack: Awaited<ReturnType<typeof startStack>>, token: string): Promise<number> {
  const photo = multipart(await phonePhoto({ width: 4000, height: 3000 }));
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    const res = await stack.call('POST', '/api/uploads', { token, raw: photo.body, headers: { 'content-type': photo.contentType } });
    if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[7]!);
}

async function main() {
  packageSizes();
  const name = `wyt_bench_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE "${name}"`);
  const database = { url: databaseUrl(name), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
  try {
    await run(join(root, 'node_modules/.bin/prisma'), ['migrate', 'deploy'], { ...process.env, DATABASE_URL: database.url });
  } catch (err) {
    await database.drop();
    throw err;
  }
  const stack = await startStack(database);
  try {
    await seedDemo(stack.db, TEST_APPID);

    // Login: sequential, each with a fresh code, as residents open the app.
    const latencies: number[] = [];
    for (let i = 0; i < 200; i++) {
      const code = await stack.mintLoginCode(`bench-user-${i % 50}`);
      const t0 = performance.now();
      const res = await stack.call('POST', '/api/auth/login', { body: { code } });
      if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
      latencies.push(performance.now() - t0);
    }
    latencies.sort((a, b) => a - b);
    print('login_p50', Math.round(latencies[100]! * 10) / 10, 'ms');
    print('login_p99', Math.round(latencies[197]! * 10) / 10, 'ms');

    const health = await cannon(`${stack.url}/healthz`);
    print('healthz_throughput', Math.round(health.requests.average), 'req/s');

    const token = await stack.loginAs(DEMO_OPENIDS.owner);
    const me = await cannon(`${stack.url}/api/me`, { authorization: `Bearer ${token}` });
    print('me_throughput', Math.round(me.requests.average), 'req/s');
    print('me_p99', me.latency.p99, 'ms');
    print('bff_rss', Math.round(process.memoryUsage().rss / 1024 / 1024), 'MB');

    print('jobs_per_s', await jobsPerSecond(stack), 'jobs/s');
    print('upload_p50_ms', await uploadP50(stack, token), 'ms');
  } finally {
    await stack.close(); // also drops the database
  }
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
