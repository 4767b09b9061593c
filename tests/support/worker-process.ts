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

/** How to start a BFF process: node's arguments (tsx and a source file, or a compiled file), and its log line that says it is up. */
export type BffProcessOptions = { args: string[]; ready: string; env?: Record<string, string>; cwd?: string };

/**
 * A real BFF process (the API or a worker) on the harness's database, Redis prefix and simulator;
 * resolves once it has logged `ready`.
 */
export async function startBffProcess(h: Harness, opts: BffProcessOptions) {
  const c = h.deps.config;
  const child: ChildProcess = spawn(process.execPath, opts.args, {
    cwd: opts.cwd ?? ROOT,
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
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${opts.ready}: not seen within 60 s:\n${output}`)), 60_000);
    const check = () => {
      if (output.includes(opts.ready)) {
        clearTimeout(timer);
        child.stdout!.off('data', check);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    void exited.then((code) => reject(new Error(`exited with ${code} before "${opts.ready}":\n${output}`)));
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

export type BffProcess = Awaited<ReturnType<typeof startBffProcess>>;

/** A real worker process (bff/src/worker.ts, through tsx) on the harness's database, Redis prefix and simulator. */
export const startWorkerProcess = (h: Harness, env: Record<string, string> = {}) =>
  startBffProcess(h, { args: ['--import', 'tsx', join(ROOT, 'bff/src/worker.ts')], ready: 'worker ready', env });

export type WorkerProcess = BffProcess;
