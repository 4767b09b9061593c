import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { z } from 'zod';
import { yuan } from './money.js';
import { xlsx } from './xlsx.js';

export const ZExportFormat = z.enum(['xlsx', 'csv'], '导出格式只能是 xlsx 或 csv');
export type ExportFormat = z.infer<typeof ZExportFormat>;

/** A column of an export: money columns hold fen and are written as yuan (¥ format in Excel). */
export type ExportColumn = { header: string; width?: number; money?: boolean };
export type ExportFile = { body: Readable | string; type: string; filename: string };

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/**
 * A text cell that a spreadsheet would read as a formula — starting with =, +, -, @, tab or carriage
 * return — gets a leading apostrophe (OWASP, CSV Injection: https://owasp.org/www-community/attacks/CSV_Injection),
 * so a unit or name typed as `=HYPERLINK(…)` is shown, never run. Text only: a number (a negative
 * amount, money in yuan) is written as the number it is.
 */
const inertText = (v: string | number) => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
const csvCell = (v: string | number) => (/[",\r\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));

/**
 * A table as a file a cashier opens in Excel: .xlsx written as a stream (xlsx.ts: rows leave as they
 * come, money as yuan with a ¥ format, bold frozen header) or CSV with a UTF-8 BOM so Excel reads the
 * Chinese. `rows` may be an async iterable, so a large export never sits in memory whole.
 */
export function exportTable(
  format: ExportFormat,
  name: { file: string; sheet: string },
  columns: ExportColumn[],
  rows: Iterable<(string | number)[]> | AsyncIterable<(string | number)[]>,
): ExportFile {
  const money = columns.map((c) => c.money === true);
  if (format === 'csv') {
    const out = new PassThrough();
    void (async () => {
      out.write(`\uFEFF${columns.map((c) => csvCell(inertText(c.header))).join(',')}\r\n`);
      for await (const row of rows) {
        if (out.destroyed) return; // the download was abandoned: stop reading (the rows' source closes)
        if (!out.write(`${row.map((v, i) => csvCell(money[i] ? yuan(Number(v)) : inertText(v))).join(',')}\r\n`))
          await Promise.race([once(out, 'drain'), once(out, 'close')]);
      }
      out.end();
    })().catch((err: Error) => out.destroy(err));
    return { body: out, type: 'text/csv; charset=utf-8', filename: `${name.file}.csv` };
  }
  async function* yuanRows() {
    // fen → yuan only for Excel to show; every sum was made in fen
    for await (const values of rows) yield values.map((v, i) => (money[i] ? Number(v) / 100 : inertText(v)));
  }
  // Pulled as the download is read: an abandoned one stops the rows (their source closes).
  const sheet = xlsx(
    name.sheet,
    columns.map((c) => ({ header: String(inertText(c.header)), width: c.width ?? 14, money: c.money === true })),
    yuanRows(),
  );
  return { body: Readable.from(sheet), type: XLSX, filename: `${name.file}.xlsx` };
}
