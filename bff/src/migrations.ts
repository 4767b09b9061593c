import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Sql } from './db.js';

/** The migrations the compiled build was made with (scripts/build-bff.ts defines it); unset under tsx. */
declare const __WYT_MIGRATIONS__: string[] | undefined;

/** What to run when the database is behind the code (docs/production.md). */
export const MIGRATE_COMMAND = 'npm run db:migrate';

/** The names of prisma/migrations' folders, oldest first: what this code expects the database to have. */
export function expectedMigrations(): string[] {
  if (typeof __WYT_MIGRATIONS__ !== 'undefined') return __WYT_MIGRATIONS__;
  return migrationsIn(join(import.meta.dirname, '../../prisma/migrations'));
}

export function migrationsIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/**
 * The expected migrations the database has not finished applying (Prisma's own `_prisma_migrations`
 * table; none at all on an empty database). A database ahead of the code (a newer release migrated
 * it during a rolling deploy) is not behind: migrations only add.
 */
export async function pendingMigrations(sql: Sql, expected = expectedMigrations()): Promise<string[]> {
  let applied: Set<string>;
  try {
    const { rows } = await sql.query<{ migration_name: string }>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    applied = new Set(rows.map((r) => r.migration_name));
  } catch (err) {
    if ((err as { code?: string }).code !== '42P01') throw err; // undefined_table: never migrated
    applied = new Set();
  }
  return expected.filter((name) => !applied.has(name));
}

/** The refusal a process prints before exiting when its database is behind. */
export function migrationsBehindMessage(pending: string[]): string {
  return (
    `The database is behind this build: ${pending.length} migration(s) not applied (${pending.join(', ')}).\n` +
    `Run \`${MIGRATE_COMMAND}\` with the same DATABASE_URL, then start again.`
  );
}
