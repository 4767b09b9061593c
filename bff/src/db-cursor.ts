import type pg from 'pg';
import type { Config } from './config.js';
import { privateConnection } from './db.js';

export type SqlQuery = { text: string; values: unknown[] };

/**
 * The rows of a query, a batch at a time, through a server-side cursor on a connection of its own:
 * an export of any length holds one batch in memory. Stopping early (the consumer breaks, or the
 * download is abandoned) closes the cursor and the connection.
 */
export async function* cursorRows<T extends pg.QueryResultRow>(
  config: Pick<Config, 'databaseUrl' | 'databaseConnectTimeoutMs'>,
  query: SqlQuery,
  batch = 2000,
): AsyncGenerator<T> {
  const client = await privateConnection(config);
  try {
    await client.query('BEGIN READ ONLY');
    // A one-off scan: compiling it (JIT) costs more than it saves.
    await client.query('SET LOCAL jit = off');
    await client.query(`DECLARE rows_cursor NO SCROLL CURSOR FOR ${query.text}`, query.values);
    for (;;) {
      const { rows } = await client.query<T>(`FETCH ${batch} FROM rows_cursor`);
      yield* rows;
      if (rows.length < batch) break;
    }
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}
