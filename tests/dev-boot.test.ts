import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, waitForHttp } from '../scripts/lib/ports.js';

/**
 * The README's first command on a machine with no DATABASE_URL and no REDIS_URL: an embedded
 * PostgreSQL, a local redis-server, migrations, the seed, the simulator, the BFF and the H5 app — then a login.
 */
let child: ChildProcess | undefined;
const dataDir = mkdtempSync(join(tmpdir(), 'wyt-dev-'));
chmodSync(dataDir, 0o755); // the embedded PostgreSQL runs as the postgres user when we are root

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child!.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm run dev', () => {
  it('boots with no env vars, reports healthy stores and logs a minted code in', async () => {
    const [port, simPort, h5Port, consolePort] = [
      await freePort(),
      await freePort(),
      await freePort(),
      await freePort(),
    ];
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      SIM_PORT: String(simPort),
      H5_PORT: String(h5Port),
      CONSOLE_PORT: String(consolePort),
      DEV_DATA_DIR: dataDir,
    };
    delete env.DATABASE_URL;
    delete env.REDIS_URL;
    child = spawn(process.execPath, ['--import', 'tsx', 'scripts/dev.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const ready = new Promise<void>((resolve, reject) => {
      const onData = (c: Buffer) => {
        output += c.toString();
        if (output.includes('[dev] ready')) resolve();
      };
      child!.stdout!.on('data', onData);
      child!.stderr!.on('data', onData);
      child!.once('exit', (code) => reject(new Error(`dev exited with ${code}:\n${output}`)));
    });
    await ready;
    expect(output).toContain('starting an embedded PostgreSQL');

    // The worker process runs beside the API, its jobs on the same embedded database.
    await expect.poll(() => output, { timeout: 30_000 }).toMatch(/\[worker\].*worker ready/);

    const health = await (await fetch(`http://127.0.0.1:${port}/healthz`)).json();
    expect(health).toMatchObject({ ok: true, db: 'ok', redis: 'ok' });

    const minted = await fetch(`http://127.0.0.1:${simPort}/sim/login-code`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ openid: 'demo-manager-wutong' }),
    });
    const { code } = (await minted.json()) as { code: string };
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    const body = (await login.json()) as { token: string };
    expect(login.status).toBe(200);
    const me = (await (
      await fetch(`http://127.0.0.1:${port}/api/me`, { headers: { authorization: `Bearer ${body.token}` } })
    ).json()) as {
      name: string;
      staff: { community: { name: string }; roles: string[] }[];
    };
    expect(me).toMatchObject({ name: '吴经理', staff: [{ community: { name: '梧桐苑' }, roles: ['MANAGER'] }] });

    // The H5 app is served next to the API: its page, and the BFF and simulator behind one origin.
    const page = await (await waitForHttp(`http://127.0.0.1:${h5Port}/`, 90_000)).text();
    expect(page).toContain('<div id="app">');
    expect(await (await fetch(`http://127.0.0.1:${h5Port}/healthz`)).json()).toMatchObject({ ok: true });

    // The office console too (docs/console.md): its URL printed, its page served, the BFF behind the same origin.
    expect(output).toContain(`http://127.0.0.1:${consolePort}/console/`);
    expect(await (await waitForHttp(`http://127.0.0.1:${consolePort}/console/`, 30_000)).text()).toContain(
      '物业通 · 办公台',
    );
    expect(await (await fetch(`http://127.0.0.1:${consolePort}/healthz`)).json()).toMatchObject({ ok: true });

    // Graceful stop: every child and the embedded PostgreSQL go down with it; 143 = 128 + SIGTERM.
    const exited = new Promise<number | null>((r) => child!.once('exit', (c) => r(c)));
    child.kill('SIGTERM');
    expect(await exited).toBe(143);
    for (const p of [port, simPort, h5Port, consolePort]) {
      await expect(fetch(`http://127.0.0.1:${p}/healthz`, { signal: AbortSignal.timeout(1000) })).rejects.toThrow();
    }
  }, 180_000);
});
