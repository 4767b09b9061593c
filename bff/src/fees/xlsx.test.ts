import { Readable } from 'node:stream';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { xlsx, type SheetColumn } from './xlsx.js';

async function bytes(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
  const all: Buffer[] = [];
  for await (const c of chunks) all.push(c);
  return Buffer.concat(all);
}

/** Opened by a reader that is not ours (ExcelJS), as Excel would open it. */
async function open(file: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(file as unknown as ArrayBuffer);
  return book;
}

const columns: SheetColumn[] = [
  { header: '楼栋', width: 10, money: false },
  { header: '房号', width: 12, money: false },
  { header: '欠费月数', width: 8, money: false },
  { header: '欠费金额（元）', width: 16, money: true },
];

describe('the .xlsx writer', () => {
  it('writes a sheet Excel reads back: text, numbers, ¥ money, a bold frozen header and column widths', async () => {
    const book = await open(
      await bytes(
        xlsx('欠费清单', columns, [
          ['1号楼', '0101', 3, 463.42],
          ['2号楼', '0202', 0, 0.01],
        ]),
      ),
    );
    const sheet = book.getWorksheet('欠费清单')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '楼栋', '房号', '欠费月数', '欠费金额（元）']);
    expect(sheet.getRow(2).values).toEqual([undefined, '1号楼', '0101', 3, 463.42]);
    expect(sheet.getRow(3).values).toEqual([undefined, '2号楼', '0202', 0, 0.01]);
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(2).getCell(4).numFmt).toBe('"¥"#,##0.00');
    expect(sheet.getRow(2).getCell(3).numFmt).toBeUndefined();
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(2).getCell(1).font?.bold).toBeFalsy();
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect([1, 2, 3, 4].map((i) => sheet.getColumn(i).width)).toEqual([10, 12, 8, 16]);
  });

  it('keeps text exactly: XML specials, spaces and Chinese; drops what XML cannot carry; an empty value is an empty cell', async () => {
    const book = await open(
      await bytes(xlsx('<表>&"名"', columns, [[`A&B <c> "d" 'e'`, '  两边空格  ', '', 'x\u0001y\u000b']])),
    );
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('<表>&"名"');
    expect(sheet.getRow(2).values).toEqual([undefined, `A&B <c> "d" 'e'`, '  两边空格  ', undefined, 'xy']);
  });

  it('makes a sheet name Excel opens (31 characters, none of []:*?/\\, no quote at the ends), and names columns past Z', async () => {
    const wide: SheetColumn[] = Array.from({ length: 30 }, (_, i) => ({
      header: `列${i + 1}`,
      width: 6,
      money: false,
    }));
    const book = await open(await bytes(xlsx('名'.repeat(40), wide, [Array.from({ length: 30 }, (_, i) => i + 1)])));
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('名'.repeat(31));
    expect((await open(await bytes(xlsx("'2026/11 [收款]:*?\\'", columns, [])))).worksheets[0]!.name).toBe(
      '2026_11 _收款_____',
    );
    expect(sheet.getCell('AD1').value).toBe('列30');
    expect(sheet.getCell('AD2').value).toBe(30);
  });

  it('streams a long sheet in many deflated pieces that read back whole', async () => {
    async function* many() {
      for (let i = 0; i < 20_000; i++)
        yield [`${(i % 30) + 1}号楼`, String(i).padStart(6, '0'), i % 7, (10_000 + i) / 100];
    }
    const chunks: Buffer[] = [];
    for await (const c of xlsx('长表', columns, many())) chunks.push(c);
    expect(chunks.length).toBeGreaterThan(20); // written as it went, not at the end
    const sheet = (await open(Buffer.concat(chunks))).getWorksheet('长表')!;
    expect(sheet.rowCount).toBe(20_001);
    expect(sheet.getRow(20_001).values).toEqual([undefined, '20号楼', '019999', 19_999 % 7, 299.99]);
  });

  it('stops reading the rows when the download is abandoned', async () => {
    let read = 0;
    let closed = false;
    async function* endless() {
      try {
        for (;;) {
          read += 1;
          yield ['1号楼', String(read), 1, 1];
        }
      } finally {
        closed = true;
      }
    }
    const body = Readable.from(xlsx('表', columns, endless()));
    for await (const _ of body) if (read > 5_000) break; // for await's break destroys the stream
    await new Promise((r) => setImmediate(r));
    expect(closed).toBe(true);
    const stoppedAt = read;
    await new Promise((r) => setTimeout(r, 50));
    expect(read).toBe(stoppedAt);
  });

  it('is a ZIP whose entries inflate to what their descriptors say', async () => {
    const file = await bytes(xlsx('表', columns, [['1号楼', '0101', 1, 1]]));
    const end = file.length - 22;
    expect(file.readUInt32LE(end)).toBe(0x06054b50);
    const count = file.readUInt16LE(end + 10);
    let at = file.readUInt32LE(end + 16);
    const names: string[] = [];
    for (let i = 0; i < count; i++) {
      const nameLength = file.readUInt16LE(at + 28);
      const name = file.subarray(at + 46, at + 46 + nameLength).toString();
      const [compressed, size, local] = [
        file.readUInt32LE(at + 20),
        file.readUInt32LE(at + 24),
        file.readUInt32LE(at + 42),
      ];
      const dataAt = local + 30 + file.readUInt16LE(local + 26);
      expect(inflateRawSync(file.subarray(dataAt, dataAt + compressed)).length).toBe(size);
      names.push(name);
      at += 46 + nameLength;
    }
    expect(names).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/worksheets/sheet1.xml',
    ]);
  });
});
