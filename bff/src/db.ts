import pg from 'pg';
import { PrismaClient } from '@prisma/client';
import { PrismaPg } from '@prisma/adapter-pg';
import type { Config } from './config.js';

export type Db = PrismaClient;
/** node-postgres connections of the same pool as Prisma's, for the few statements worth preparing. */
export type Sql = pg.Pool;

/**
 * The columns are `timestamp without time zone` holding UTC instants (docs/conventions.md, Time).
 * node-postgres by default writes a `Date` parameter and reads such a column in the PROCESS's zone,
 * so every path but Prisma's was right only while the process ran in UTC. Set once, for every
 * connection in the process: parameters are written in UTC, and `timestamp` values (and arrays of
 * them) are read as UTC. Prisma's adapter is untouched by both: it formats its own parameters in UTC
 * and passes its own parser for these types with each query (`customParsers` in @prisma/adapter-pg).
 * `timestamptz` carries its offset and needs nothing.
 */
const TIMESTAMP = pg.types.builtins.TIMESTAMP;
/** `timestamp[]`: pg-types names no array types. */
const TIMESTAMP_ARRAY = 1115 as typeof TIMESTAMP;
const parseTimestamptz = pg.types.getTypeParser(pg.types.builtins.TIMESTAMPTZ) as (value: string) => Date | number;
const parseTextArray = pg.types.getTypeParser(1009 as typeof TIMESTAMP) as (value: string) => (string | null)[];
/** `2026-12-01 08:00:00.5` (or `… BC`) read as UTC; `infinity` stays what pg-types makes of it. */
export const parseUtcTimestamp = (value: string): Date | number =>
  /^-?infinity$/.test(value) ? parseTimestamptz(value) : parseTimestamptz(value.replace(/( BC)?$/, '+00$1'));
pg.defaults.parseInputDatesAsUTC = true;
pg.types.setTypeParser(TIMESTAMP, parseUtcTimestamp);
pg.types.setTypeParser(TIMESTAMP_ARRAY, (value) =>
  parseTextArray(value).map((v) => (v === null ? null : parseUtcTimestamp(v))),
);

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

/**
 * A connected node-postgres client of the caller's own, outside the pool, for work that holds a
 * connection long or changes its session: a server-side cursor (db-cursor.ts), COPY (db-copy.ts),
 * temporary tables. The only place such a connection is made, so it is configured like the pool (UTC
 * above). The caller ends it (`client.end()` in a `finally`).
 */
export async function privateConnection(
  config: Pick<Config, 'databaseUrl' | 'databaseConnectTimeoutMs'>,
): Promise<pg.Client> {
  const client = new pg.Client({
    connectionString: config.databaseUrl,
    connectionTimeoutMillis: config.databaseConnectTimeoutMs,
  });
  // A connection that breaks while idle between statements must not crash the process: the next
  // statement reports it.
  client.on('error', () => undefined);
  await client.connect();
  return client;
}
