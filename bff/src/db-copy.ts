import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

type Value = string | number | boolean | Date | null;

/**
 * A value in COPY's text format: backslash, tab and line ends escaped; null as \N; booleans t / f; an
 * instant as UTC (`toISOString()`: a `timestamp` column ignores the trailing Z, and holds UTC).
 */
export function copyText(v: Value): string {
  if (v === null) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (v instanceof Date) return v.toISOString();
  return String(v).replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);
}

/**
 * Streams rows into `table` with COPY on the client's connection (a private one, db.ts; inside its
 * transaction), 64 KB at a time with backpressure. `fill` is handed `write` and calls it once per row,
 * awaiting it (it waits while the database catches up); what `fill` returns is returned once the
 * rows are in. Should `fill` throw, the COPY is abandoned and the error rethrown.
 */
export async function copyInto<T>(
  client: pg.Client,
  table: string,
  fill: (write: (row: Value[]) => Promise<void>) => Promise<T>,
): Promise<T> {
  const copy = client.query(copyFrom(`COPY ${table} FROM STDIN`));
  const copied = finished(copy);
  let chunk = '';
  try {
    const result = await fill(async (row) => {
      chunk += `${row.map(copyText).join('\t')}\n`;
      if (chunk.length < 65_536) return;
      const ok = copy.write(chunk);
      chunk = '';
      if (!ok) await once(copy, 'drain');
    });
    copy.end(chunk);
    await copied;
    return result;
  } catch (err) {
    copy.destroy(err as Error);
    await copied.catch(() => undefined);
    throw err;
  }
}

/** copyInto for rows one has as an iterable; `rows` may be async: a bill being read can feed it as it arrives. */
export function copyRows(
  client: pg.Client,
  table: string,
  rows: Iterable<Value[]> | AsyncIterable<Value[]>,
): Promise<void> {
  return copyInto(client, table, async (write) => {
    for await (const row of rows) await write(row);
  });
}
