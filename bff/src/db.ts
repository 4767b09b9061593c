import pg from 'pg';
import { PrismaClient } from '@prisma/client';
import { PrismaPg } from '@prisma/adapter-pg';

export type Db = PrismaClient;
/** node-postgres connections of the same pool as Prisma's, for the few statements worth preparing. */
export type Sql = pg.Pool;

function pool(databaseUrl: string, connectTimeoutMs: number): Sql {
  const sql = new pg.Pool({ connectionString: databaseUrl, max: 10, connectionTimeoutMillis: connectTimeoutMs });
  // An idle connection that breaks (a database restart) only leaves the pool; queries report their own errors.
  sql.on('error', () => undefined);
  return sql;
}

/**
 * Prisma 6 with the query compiler talks to PostgreSQL through node-postgres (the pg adapter), on a
 * pool made here so that hot paths can share it: Prisma sends every statement unnamed, so PostgreSQL
 * parses and plans it each time — for the payment notify's one statement the planning took longer
 * than the execution. A named statement on `sql` is planned once per connection. Close `db` first,
 * then end `sql`.
 */
export function createDatabase(databaseUrl: string, connectTimeoutMs = 2000): { db: Db; sql: Sql } {
  const sql = pool(databaseUrl, connectTimeoutMs);
  return { db: new PrismaClient({ adapter: new PrismaPg(sql) }), sql };
}

/** Prisma alone (scripts): its $disconnect ends the pool. */
export function createDb(databaseUrl: string, connectTimeoutMs = 2000): Db {
  return new PrismaClient({
    adapter: new PrismaPg(pool(databaseUrl, connectTimeoutMs), { disposeExternalPool: true }),
  });
}
