import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** A value in COPY's text format: backslash, tab and line ends escaped; null as \N. */
export const copyText = (v: string | number | null) =>
  v === null
    ? '\\N'
    : String(v).replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);

/**
 * Streams rows into `table` with COPY on the client's connection (inside its transaction), 64 KB at
 * a time with backpressure. `rows` may be async: a bill being read can feed it as it arrives.
 */
export async function copyRows(
  client: pg.Client,
  table: string,
  rows: Iterable<(string | number | null)[]> | AsyncIterable<(string | number | null)[]>,
): Promise<void> {
  const copy = client.query(copyFrom(`COPY ${table} FROM STDIN`));
  const copied = finished(copy);
  let chunk = '';
  try {
    for await (const row of rows) {
      chunk += `${row.map(copyText).join('\t')}\n`;
      if (chunk.length < 65_536) continue;
      const ok = copy.write(chunk);
      chunk = '';
      if (!ok) await once(copy, 'drain');
    }
    copy.end(chunk);
    await copied;
  } catch (err) {
    copy.destroy(err as Error);
    await copied.catch(() => undefined);
    throw err;
  }
}
