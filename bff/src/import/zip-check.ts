import { inflateRawSync } from 'node:zlib';

/** Why a file is refused before any spreadsheet reader sees it. */
export class BadZip extends Error {}

/** What a workbook of 100,000 rows can reasonably take apart (docs/import.md, Limits). */
export const ZIP_LIMITS = { entries: 1000, totalBytes: 400 * 1024 * 1024 };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;

function endOfCentralDirectory(zip: Buffer): number {
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--)
    if (zip.readUInt32LE(i) === EOCD) return i;
  throw new BadZip('no central directory');
}

/**
 * An .xlsx is a ZIP package (ECMA-376 Part 2). Before it is streamed, each entry is checked the way
 * a zip bomb would fail: the entries lie one after another exactly as the central directory lists
 * them (so a streaming reader, which follows the local headers, sees the same files), at most
 * `ZIP_LIMITS.entries` of them, and every deflated entry is inflated here with its declared size as
 * the hard ceiling (zlib's `maxOutputLength`), the declared sizes adding up to at most
 * `ZIP_LIMITS.totalBytes`. ZIP64 is refused: no workbook within our limits needs it.
 * ZIP format: https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT
 */
export function checkZip(zip: Buffer): Buffer {
  if (zip.length < 22) throw new BadZip('too short');
  const end = endOfCentralDirectory(zip);
  const count = zip.readUInt16LE(end + 10);
  const cdSize = zip.readUInt32LE(end + 12);
  const cdOffset = zip.readUInt32LE(end + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new BadZip('zip64');
  if (count > ZIP_LIMITS.entries) throw new BadZip('too many entries');
  if (cdOffset + cdSize > end) throw new BadZip('central directory out of bounds');
  let p = cdOffset;
  let expectedLocal = 0;
  let total = 0;
  const entries: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(p) !== CENTRAL) throw new BadZip('broken central directory');
    const central = p;
    const name = zip.toString('utf8', p + 46, p + 46 + zip.readUInt16LE(p + 28));
    const flags = zip.readUInt16LE(p + 8);
    const method = zip.readUInt16LE(p + 10);
    const compressed = zip.readUInt32LE(p + 20);
    const size = zip.readUInt32LE(p + 24);
    const localOffset = zip.readUInt32LE(p + 42);
    p += 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
    total += size;
    if (total > ZIP_LIMITS.totalBytes) throw new BadZip('too large when unpacked');
    if (localOffset !== expectedLocal || zip.readUInt32LE(localOffset) !== LOCAL) throw new BadZip('hidden entries');
    const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const dataEnd = dataStart + compressed;
    if (dataEnd > cdOffset) throw new BadZip('entry out of bounds');
    const data = zip.subarray(dataStart, dataEnd);
    if (method === 8) {
      try {
        if (inflateRawSync(data, { maxOutputLength: Math.max(size, 1) }).length !== size) throw new BadZip('size');
      } catch {
        throw new BadZip('entry larger than declared');
      }
    } else if (method !== 0 || compressed !== size) throw new BadZip('unsupported compression');
    expectedLocal = dataEnd;
    if (flags & 0x8) expectedLocal += zip.readUInt32LE(dataEnd) === DESCRIPTOR ? 16 : 12;
    entries.push({ name, local: zip.subarray(localOffset, expectedLocal), central: zip.subarray(central, p) });
  }
  if (expectedLocal !== cdOffset) throw new BadZip('data between entries');
  return streamingOrder(entries);
}

type Entry = { name: string; local: Buffer; central: Buffer };

/** Parts a streaming reader needs before the sheets: ExcelJS matches sheets to names and strings from them. */
const FIRST = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml'];
const rank = (name: string) =>
  FIRST.includes(name) ? FIRST.indexOf(name) : name.startsWith('xl/worksheets/') ? 10 : 5;

/**
 * The same package with its entries in the order a one-pass reader needs: the workbook, its
 * relationships, shared strings and styles before any sheet. Excel and other writers put them in
 * any order (ExcelJS's own writer varies from run to run); ExcelJS's WorkbookReader, meeting a sheet
 * first, parks it in a temporary file or, without the workbook yet, fails.
 */
function streamingOrder(entries: Entry[]): Buffer {
  const ordered = [...entries].sort((a, b) => rank(a.name) - rank(b.name));
  let offset = 0;
  const centrals = ordered.map((e) => {
    const c = Buffer.from(e.central);
    c.writeUInt32LE(offset, 42);
    offset += e.local.length;
    return c;
  });
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(ordered.length, 8);
  end.writeUInt16LE(ordered.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...ordered.map((e) => e.local), cd, end]);
}
