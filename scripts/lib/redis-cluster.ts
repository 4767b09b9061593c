import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports.js';

/**
 * A Redis Cluster of `masters` masters and no replicas on loopback, each `redis-server` in a
 * temporary folder of its own (its nodes.conf) on free ports, joined by `redis-cli --cluster create`
 * (https://redis.io/docs/latest/operate/oss_and_stack/management/scaling/, "Create a Redis Cluster").
 * The cluster bus port is picked too (`cluster-port`), not left at port + 10000, which may be taken
 * or past 65535. Nothing is saved to disk. Returns the `redis-cluster://` URL the BFF takes
 * (docs/production.md, Redis Cluster) and a stopper that ends only these servers.
 */
export async function startRedisCluster(
  masters = 3,
): Promise<{ url: string; ports: number[]; stop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'wyt-redis-cluster-'));
  const children: ChildProcess[] = [];
  const ports: number[] = [];
  const stop = async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < masters; i++) {
      const [port, busPort] = [await freePort(), await freePort()];
      ports.push(port);
      const nodeDir = join(dir, String(port));
      spawnSync('mkdir', ['-p', nodeDir]);
      // The same settings for each node as the specification's tutorial, minus persistence.
      const child = spawn(
        'redis-server',
        [
          '--port',
          String(port),
          '--cluster-port',
          String(busPort),
          '--bind',
          '127.0.0.1',
          '--cluster-enabled',
          'yes',
          '--cluster-config-file',
          'nodes.conf',
          '--cluster-node-timeout',
          '5000',
          '--save',
          '',
          '--appendonly',
          'no',
          '--loglevel',
          'warning',
          '--dir',
          nodeDir,
        ],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
      children.push(child);
    }
    for (const port of ports) await waitFor(() => cli(port, 'ping') === 'PONG', `redis-server on ${port}`);
    const create = spawnSync(
      'redis-cli',
      ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes'],
      { encoding: 'utf8' },
    );
    if (create.status !== 0) throw new Error(`redis-cli --cluster create failed:\n${create.stdout}\n${create.stderr}`);
    // Every node must know every slot's owner before a client asks it for the map.
    for (const port of ports)
      await waitFor(() => /cluster_state:ok/.test(cli(port, 'cluster', 'info')), `cluster state on ${port}`);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url: `redis-cluster://${ports.map((p) => `127.0.0.1:${p}`).join(',')}`, ports, stop };
}

function cli(port: number, ...args: string[]): string {
  return spawnSync('redis-cli', ['-p', String(port), ...args], { encoding: 'utf8' }).stdout?.trim() ?? '';
}

async function waitFor(ok: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`${what}: not ready after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
