import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../errors.js';
import { NOTES_SHEET, SAMPLE_PREFIX, SHEETS, sheetSpec, type SheetName, type SheetSpec } from './columns.js';
import { decodeCsv, parseCsv } from './csv.js';
import { normaliseText } from './normalise.js';
import { BadZip, checkZip } from './zip-check.js';

/** Limits of one import file and why (docs/import.md, Limits). */
export const LIMITS = {
  fileBytes: 20 * 1024 * 1024,
  rows: 100_000,
  /** Excel's own limit for one cell (Excel specifications and limits: 32,767 characters). */
  cellChars: 32_767,
};

/** A cell as read: text (normalised), a number, or a day (YYYY-MM-DD) Excel stored as a date. */
export type Cell = string | number | { day: string } | null;
export type Row = { row: number; cells: Cell[] };
export type SheetRows = { spec: SheetSpec; rows: Row[] };

const invalid = (message: string) => new AppError('IMPORT_FILE_INVALID', message);
const tooMany = () =>
  new AppError('IMPORT_TOO_LARGE', `文件超过 ${LIMITS.rows.toLocaleString('en')} 行，请按小区或楼栋拆分后分批导入`);

/** Collects rows of every sheet, counting them against the limit as they arrive. */
class Collector {
  readonly sheets = new Map<SheetName, SheetRows>();
  private count = 0;
  private current: { spec: SheetSpec; columns: (number | null)[] } | null = null;

  header(sheet: string, headers: string[]) {
    const spec = sheetSpec(sheet);
    if (!spec)
      throw invalid(`未知的工作表「${sheet}」：工作表只能是 ${SHEETS.map((s) => s.name).join('、')}、${NOTES_SHEET}`);
    if (this.sheets.has(spec.name)) throw invalid(`工作表「${sheet}」出现了两次`);
    const columns = headers.map((h) => {
      if (h === '') return null;
      const i = spec.columns.findIndex((c) => c.header === h);
      if (i < 0) throw invalid(`「${sheet}」表第 1 行有未知的列「${h}」，请使用模板中的列名`);
      return i;
    });
    for (const [i, c] of spec.columns.entries()) {
      const n = columns.filter((x) => x === i).length;
      if (n > 1) throw invalid(`「${sheet}」表的列「${c.header}」出现了两次`);
      if (c.required && n === 0) throw invalid(`「${sheet}」表缺少必填列「${c.header}」`);
    }
    this.current = { spec, columns };
    this.sheets.set(spec.name, { spec, rows: [] });
  }

  row(row: number, raw: Cell[]) {
    const cur = this.current!;
    const cells: Cell[] = cur.spec.columns.map(() => null);
    raw.forEach((v, i) => {
      const target = cur.columns[i];
      if (target !== null && target !== undefined) cells[target] = v;
    });
    if (cells.every((c) => c === null || c === '')) return;
    if (typeof cells[0] === 'string' && cells[0].startsWith(SAMPLE_PREFIX)) return;
    if (++this.count > LIMITS.rows) throw tooMany();
    this.sheets.get(cur.spec.name)!.rows.push({ row, cells });
  }
}

function textCell(sheet: string, row: number, text: string): string {
  if (text.length > LIMITS.cellChars)
    throw invalid(`「${sheet}」表第 ${row} 行有一个单元格超过 32767 个字符，不是名册数据`);
  return normaliseText(text);
}

/** ExcelJS's value of a cell, as our Cell; formulas are refused (the file must hold values). */
function xlsxCell(sheet: string, row: number, header: string | undefined, v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return textCell(sheet, row, v);
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return { day: v.toISOString().slice(0, 10) };
  const o = v as Record<string, unknown>;
  if ('formula' in o || 'sharedFormula' in o)
    throw invalid(`「${sheet}」表第 ${row} 行「${header ?? '?'}」是公式：请复制整张表后「选择性粘贴 → 数值」再导入`);
  if (Array.isArray(o.richText))
    return textCell(sheet, row, (o.richText as { text: string }[]).map((r) => r.text).join(''));
  if (typeof o.text === 'string') return textCell(sheet, row, o.text);
  if ('error' in o) throw invalid(`「${sheet}」表第 ${row} 行「${header ?? '?'}」是错误值 ${String(o.error)}`);
  return null;
}

/** Streams the workbook with ExcelJS's WorkbookReader: one row at a time, never the whole sheet. */
async function readXlsx(bytes: Buffer, out: Collector) {
  let ordered: Buffer;
  try {
    ordered = checkZip(bytes);
  } catch (err) {
    if (err instanceof BadZip)
      throw invalid('文件已损坏或不是正常的 Excel 文件（压缩结构异常），请用 Excel 另存为 .xlsx 后再试');
    throw err;
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([ordered]), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache', // dates are numbers with a date format: without styles they read as serial numbers
    worksheets: 'emit',
    entries: 'ignore',
  });
  let sheets = 0;
  for await (const ws of reader) {
    const name = normaliseText(String((ws as { name?: string }).name ?? ''));
    if (name === NOTES_SHEET) {
      for await (const _row of ws) void _row; // the notes are for people: drained, not read
      continue;
    }
    sheets++;
    let headers: string[] | null = null;
    for await (const r of ws) {
      const values = (r.values as unknown[]).slice(1);
      if (!headers) {
        headers = values.map((v) => (typeof v === 'string' ? normaliseText(v) : v == null ? '' : String(v)));
        out.header(name, headers);
        continue;
      }
      out.row(
        r.number,
        Array.from(values, (v, i) => xlsxCell(name, r.number, headers![i], v)),
      );
    }
    // A sheet left empty imports nothing; an unknown one is still refused.
    if (!headers && !sheetSpec(name)) out.header(name, []);
  }
  if (sheets === 0) throw invalid('文件中没有可导入的工作表');
}

function readCsv(bytes: Buffer, out: Collector) {
  const text = decodeCsv(bytes);
  if (text === null) throw invalid('文件不是表格：请上传 .xlsx 或 .csv（UTF-8 或 GBK 编码）');
  let started = false;
  parseCsv(text.replace(/^\uFEFF/, ''), (fields, line) => {
    const cells = fields.map((f) => textCell('CSV', line, f));
    if (!started) {
      started = true;
      const spec = SHEETS.find(
        (s) =>
          cells.every((h) => h === '' || s.columns.some((c) => c.header === h)) &&
          s.columns.every((c) => !c.required || cells.includes(c.header)),
      );
      if (!spec)
        throw invalid('无法从第 1 行的列名判断这是哪张表：请使用模板中「房屋」「业主」「车位」或「期初欠费」表的列名');
      return out.header(spec.name, cells);
    }
    out.row(
      line,
      cells.map((c) => (c === '' ? null : c)),
    );
  });
  if (!started) throw invalid('文件是空的');
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * The rows of an uploaded .xlsx or .csv, by sheet. What the file is comes from its bytes, not its
 * name: a ZIP package is read as a workbook, text as CSV, anything else is refused.
 */
export async function readImportFile(bytes: Buffer): Promise<Map<SheetName, SheetRows>> {
  if (bytes.length > LIMITS.fileBytes) throw new AppError('IMPORT_TOO_LARGE', '文件不能超过 20 MB');
  const out = new Collector();
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) {
    try {
      await readXlsx(bytes, out);
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw invalid('无法读取这个 Excel 文件，请用 Excel 另存为 .xlsx（Excel 工作簿）后再试');
    }
  } else if (bytes.subarray(0, 8).equals(Buffer.from('d0cf11e0a1b11ae1', 'hex'))) {
    throw invalid('这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再导入');
  } else readCsv(bytes, out);
  return out.sheets;
}
