import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSimulator } from '../../simulator/src/app.js';
import type { SimState } from '../../simulator/src/state.js';
import { loadConfig } from '../../bff/src/config.js';
import { closeDeps, createDeps, startDeps } from '../../bff/src/deps.js';
import { createApp, createModuleRegistry } from '../../bff/src/app.js';
import type { ManualClock } from '../../bff/src/clock.js';
import type { JobDefinition } from '../../bff/src/jobs/define.js';
import { startJobs } from '../../bff/src/jobs/run.js';
import { modules } from '../../bff/src/modules.js';
import { createLogger } from '../../bff/src/logger.js';
import { TEST_REDIS_URL } from './env.js';
import { listen } from './listen.js';
import { freePort } from '../../scripts/lib/ports.js';
import { simTemplateRegistration } from '../../scripts/lib/sim-templates.js';
import { registerSimMerchant } from '../../scripts/lib/sim-merchant.js';
import { deleteKeys, scanKeys } from './redis-keys.js';

export const TEST_APPID = 'wx_test_app_0001';

export type ApiResponse<T = any> = { status: number; body: T; headers: Headers };

/**
 * The whole backend as its users meet it: the WeChat simulator and the real BFF, each listening on
 * a loopback port, on the given (migrated) database and a Redis key prefix of its own. Used by the
 * tests (through startHarness) and by the benchmark; it needs nothing from vitest.
 */
export type StackOptions = {
  env?: Record<string, string>;
  /** A clock the test moves: the BFF and the in-process worker read it for every deadline. */
  clock?: ManualClock;
  /** Run every module's jobs in this process too (on the same clock), as worker.ts would. */
  worker?: boolean;
  /** Another Redis than the run's (the `redis-cluster` project's cluster: startHarness passes it). */
  redisUrl?: string;
};

export async function startStack(database: { url: string; drop: () => Promise<void> }, opts: StackOptions = {}) {
  const envOverrides = opts.env ?? {};
  const secret = randomBytes(16).toString('hex');
  const simulator = createSimulator([{ appid: TEST_APPID, secret }]);
  // WeChat's clock starts where the test's does (a fixed instant, not today): what it signs and dates
  // (payment notifications, their success_time, the trade bill) must be within minutes of the BFF's.
  if (opts.clock) simulator.state.clockOffsetMs = opts.clock.now().getTime() - Date.now();
  const simServer = await listen(simulator.app);
  await fetch(`${simServer.url}/sim/subscribe/templates`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(simTemplateRegistration()),
  });
  const payEnv = await registerSimMerchant(simServer.url, TEST_APPID);
  const redisPrefix = `t:${randomBytes(6).toString('hex')}:`;
  const uploadsDir = join(tmpdir(), `wyt-uploads-${randomBytes(6).toString('hex')}`);
  // Known before the BFF starts: WeChat downloads images to check from it (PUBLIC_BASE_URL).
  const bffPort = await freePort();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    REDIS_URL: opts.redisUrl ?? TEST_REDIS_URL,
    REDIS_KEY_PREFIX: redisPrefix,
    WECHAT_APPID: TEST_APPID,
    WECHAT_SECRET: secret,
    WECHAT_API_BASE: simServer.url,
    // Every test logs in from 127.0.0.1: the throttles are tested on their own, with low limits.
    LOGIN_LIMIT_PER_IP_PER_MINUTE: '100000',
    LOGIN_LIMIT_PER_SECOND: '100000',
    BIND_REQUEST_LIMIT_PER_HOUR: '100000',
    REPAIR_LIMIT_PER_HOUR: '100000',
    SNAPSHOT_LIMIT_PER_HOUR: '100000',
    UPLOAD_LIMIT_PER_HOUR: '100000',
    STAFF_UPLOAD_LIMIT_PER_HOUR: '100000',
    URGENT_LIMIT_PER_DAY: '100000',
    STORAGE_LOCAL_DIR: uploadsDir,
    PUBLIC_BASE_URL: `http://127.0.0.1:${bffPort}`,
    ...payEnv,
    ...envOverrides,
  });
  const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  const clock = opts.clock;
  const registry = createModuleRegistry();
  const deps = createDeps(config, { registry, logger, ...(clock ? { clock } : {}) });
  await startDeps(deps);
  const workerDeps = opts.worker
    ? createDeps(config, { registry, logger, role: 'worker', ...(clock ? { clock } : {}) })
    : null;
  if (workerDeps) {
    await startDeps(workerDeps);
    await startJobs(workerDeps, modules);
  }
  const bff = await listen(createApp(deps), bffPort);
  await fetch(`${simServer.url}/sim/security/config`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ messageUrl: `${bff.url}/api/wechat/message`, messageToken: config.wechat.messageToken }),
  });

  async function call<T = any>(
    method: string,
    path: string,
    opts: { token?: string; body?: unknown; raw?: string | Uint8Array; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | Uint8Array | undefined;
    if (opts.raw !== undefined) body = opts.raw;
    else if (opts.body !== undefined) body = JSON.stringify(opts.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const res = await fetch(`${bff.url}${path}`, { method, headers, body });
    const text = await res.text();
    const json = res.headers.get('content-type')?.includes('json');
    return { status: res.status, body: text && json ? JSON.parse(text) : text || undefined, headers: res.headers };
  }

  async function sim<T = any>(path: string, body: unknown): Promise<T> {
    const res = await fetch(`${simServer.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`simulator ${path}: ${res.status} ${await res.text()}`);
    return (res.status === 204 ? undefined : await res.json()) as T;
  }

  const mintLoginCode = async (openid: string, unionid?: string) =>
    (await sim<{ code: string }>('/sim/login-code', { openid, unionid })).code;
  const mintPhoneCode = async (phoneNumber: string, countryCode = '86') =>
    (await sim<{ code: string }>('/sim/phone-code', { phoneNumber, countryCode })).code;

  /** Logs in as the WeChat user `openid` the way the mini-program does; returns the session token. */
  async function loginAs(openid: string): Promise<string> {
    const res = await call('POST', '/api/auth/login', { body: { code: await mintLoginCode(openid) } });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.token;
  }

  async function bindPhone(token: string, phone: string, countryCode = '86') {
    const res = await call('POST', '/api/auth/phone', {
      token,
      body: { code: await mintPhoneCode(phone, countryCode) },
    });
    if (res.status !== 200) throw new Error(`phone binding failed: ${res.status} ${JSON.stringify(res.body)}`);
  }

  /** Sends a job and waits until a worker has finished it; returns pg-boss's final state. */
  async function runJob<T>(job: JobDefinition<T>, data: T, timeoutMs = 15_000): Promise<string> {
    const id = await deps.jobs.send(job, data);
    if (!id) throw new Error(`${job.name}: not enqueued (deduplicated)`);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = await deps.jobs.boss.getJobById(job.name, id, { includeArchive: true });
      if (found && ['completed', 'failed', 'cancelled'].includes(found.state)) return found.state;
      if (Date.now() > deadline)
        throw new Error(`${job.name} ${id}: still ${found?.state ?? 'missing'} after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function close() {
    await bff.close();
    await simServer.close();
    const keys = await scanKeys(deps.redis, `${redisPrefix}*`);
    await deleteKeys(
      deps.redis,
      keys.map((k) => k.slice(redisPrefix.length)),
    );
    if (workerDeps) await closeDeps(workerDeps);
    await closeDeps(deps);
    await database.drop();
    rmSync(uploadsDir, { recursive: true, force: true });
  }

  return {
    url: bff.url,
    simUrl: simServer.url,
    payEnv,
    deps,
    /** The in-process worker's own deps (`worker: true`), e.g. its metrics registry; null without one. */
    workerDeps,
    db: deps.db,
    clock,
    simState: simulator.state as SimState,
    call,
    sim,
    mintLoginCode,
    mintPhoneCode,
    loginAs,
    bindPhone,
    runJob,
    close,
  };
}

export type Harness = Awaited<ReturnType<typeof startStack>>;

/** The stack on a fresh database of this test file's own, cloned from the run's template. */
export async function startHarness(opts: StackOptions = {}) {
  // Loaded here, not at the top: it uses vitest's inject(), and the benchmark imports this file too.
  const { createTestDatabase, projectRedisUrl } = await import('./database.js');
  return startStack(await createTestDatabase(), { redisUrl: projectRedisUrl(), ...opts });
}
