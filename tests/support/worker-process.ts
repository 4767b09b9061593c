import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Harness } from './harness.js';

const ROOT = join(import.meta.dirname, '../..');

/**
 * What a process the tests spawn inherits of theirs: PATH, and the time zone (the tz-* vitest projects
 * run the tests, and so the workers they start, in another zone than UTC).
 */
export const childProcessEnv = (): Record<string, string | undefined> => ({
  PATH: process.env.PATH,
  ...(process.env.TZ ? { TZ: process.env.TZ } : {}),
});

/** A real worker process (bff/src/worker.ts) on the harness's database, Redis prefix and simulator. */
export async function startWorkerProcess(h: Harness, env: Record<string, string> = {}) {
  const c = h.deps.config;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bff/src/worker.ts')], {
    cwd: ROOT,
    env: {
      ...childProcessEnv(),
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATABASE_URL: c.databaseUrl,
      REDIS_URL: c.redisUrl,
      REDIS_KEY_PREFIX: c.redisKeyPrefix,
      WECHAT_APPID: c.wechat.appid,
      WECHAT_SECRET: c.wechat.secret,
      WECHAT_API_BASE: c.wechat.apiBase,
      // Several workers side by side: each serves its metrics on a free port of its own.
      WORKER_METRICS_PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start:\n${output}`)), 30_000);
    const check = () => {
      if (output.includes('worker ready')) {
        clearTimeout(timer);
        child.stdout!.off('data', check);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    void exited.then((code) => reject(new Error(`worker exited with ${code}:\n${output}`)));
  });
  return {
    pid: child.pid!,
    exited,
    output: () => output,
    signal: (sig: NodeJS.Signals) => child.kill(sig),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

export type WorkerProcess = Awaited<ReturnType<typeof startWorkerProcess>>;
