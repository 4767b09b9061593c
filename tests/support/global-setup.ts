import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { JOBS_SCHEMA } from '../../bff/src/jobs/queue.js';
import type { TestProject } from 'vitest/node';
import { ADMIN_DATABASE_URL, databaseUrl } from './env.js';

const MIGRATIONS = join(import.meta.dirname, '../../prisma/migrations');

function migrationsHash(): string {
  const h = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else h.update(name).update(readFileSync(path));
    }
  };
  walk(MIGRATIONS);
  // pg-boss installs its own schema into the template too: a new pg-boss version, a new template.
  h.update(readFileSync(join(import.meta.dirname, '../../node_modules/pg-boss/package.json')));
  return h.digest('hex').slice(0, 12);
}

async function admin<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Migrates once into a template database named after the migrations' hash, so every test file can
 * clone a fresh database from it in a fraction of a second (docs/toolchain.md: each Prisma CLI call
 * lingers ~10 s, far too slow to run per test). The template is built under a temporary name and
 * renamed when complete, so an interrupted run never leaves a half-migrated template behind.
 */
export default async function setup(project: TestProject) {
  const template = `wyt_tpl_${migrationsHash()}`;
  const exists = await admin(
    async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [template])).rowCount === 1,
  );
  if (!exists) {
    const building = `${template}_${randomBytes(3).toString('hex')}`;
    await admin((c) => c.query(`CREATE DATABASE "${building}"`));
    const res = spawnSync('npx', ['prisma', 'migrate', 'deploy'], {
      env: { ...process.env, DATABASE_URL: databaseUrl(building) },
      encoding: 'utf8',
    });
    if (res.status !== 0) {
      await admin((c) => c.query(`DROP DATABASE IF EXISTS "${building}"`));
      throw new Error(`prisma migrate deploy failed:\n${res.stdout}\n${res.stderr}`);
    }
    const boss = new PgBoss({
      connectionString: databaseUrl(building),
      schema: JOBS_SCHEMA,
      supervise: false,
      schedule: false,
    });
    await boss.start();
    await boss.stop({ graceful: false, wait: true });
    await admin(async (c) => {
      try {
        await c.query(`ALTER DATABASE "${building}" RENAME TO "${template}"`);
      } catch {
        await c.query(`DROP DATABASE IF EXISTS "${building}"`); // another run finished first
      }
    });
  }
  // Templates of older migrations are dead weight on a machine that keeps its PostgreSQL — once they
  // are a day old: another checkout on the same server (a branch with a new migration) may be
  // cloning its own right now, and dropping it failed that run's files.
  await admin(async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      `SELECT datname FROM pg_database
        WHERE datname ~ '^wyt_tpl_[0-9a-f]{12}$' AND datname <> $1
          AND (pg_stat_file('base/' || oid || '/PG_VERSION')).modification < now() - interval '1 day'`,
      [template],
    );
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS "${datname}"`).catch(() => undefined);
  });
  const runId = randomBytes(3).toString('hex');
  project.provide('templateDb', template);
  project.provide('runId', runId);

  return async () => {
    await admin(async (c) => {
      const { rows } = await c.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
        `wyt_t_${runId}_%`,
      ]);
      for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDb: string;
    runId: string;
  }
}
