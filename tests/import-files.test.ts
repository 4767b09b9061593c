import { deflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { useHarness } from './support/use-harness.js';
import { importSite, uploadImport, workbook } from './support/factories/import.js';
import { phonePhoto } from './support/images.js';

/**
 * Files the import refuses (docs/import.md, Limits): a clear 4xx in Chinese, and nothing written —
 * not even a dry run.
 */
const h = useHarness();
let site: Awaited<ReturnType<typeof importSite>>;

const UNITS_HEADER = ['楼栋', '楼栋类型', '房号', '楼层', '建筑面积', '专有面积', '面积来源', '交付日期'];

/** A ZIP with one stored or deflated entry whose declared size is whatever the test says. */
function zipOf(name: string, data: Buffer, declaredSize: number): Buffer {
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + nameBytes.length, 12);
  end.writeUInt32LE(30 + nameBytes.length + data.length, 16);
  return Buffer.concat([local, nameBytes, data, central, nameBytes, end]);
}

async function refused(file: Buffer, status: number, code: string, message: RegExp, filename = '资料.xlsx') {
  const res = await uploadImport(site.admin, site.community.id, file, filename);
  expect([res.status, res.body.code], JSON.stringify(res.body)).toEqual([status, code]);
  expect(res.body.message).toMatch(message);
  expect(await h.db.importRun.count()).toBe(0);
  expect(await h.db.unit.count({ where: { communityId: site.community.id } })).toBe(0);
}

beforeAll(async () => {
  site = await importSite(h);
});

describe('bad import files', () => {
  it('not a spreadsheet: a photo, an old .xls, a broken zip', async () => {
    await refused(await phonePhoto({ width: 64, height: 48 }), 422, 'IMPORT_FILE_INVALID', /不是表格/, 'photo.xlsx');
    await refused(Buffer.from('d0cf11e0a1b11ae1000000000000', 'hex'), 422, 'IMPORT_FILE_INVALID', /旧版 \.xls/);
    await refused(Buffer.from('PK\u0003\u0004 not really a zip'), 422, 'IMPORT_FILE_INVALID', /压缩结构异常/);
  });

  it('a zip bomb: an entry that inflates past its declared size, or declared sizes past the limit', async () => {
    const bomb = deflateRawSync(Buffer.alloc(20 * 1024 * 1024)); // 20 MB of zeros in ≈ 20 KB
    await refused(zipOf('xl/workbook.xml', bomb, 1000), 422, 'IMPORT_FILE_INVALID', /压缩结构异常/);
    await refused(zipOf('xl/workbook.xml', bomb, 500 * 1024 * 1024), 422, 'IMPORT_FILE_INVALID', /压缩结构异常/);
  });

  it('more than 100,000 rows', async () => {
    const csv = ['车位号', ...Array.from({ length: 100_001 }, (_, i) => `P${i}`)].join('\n');
    await refused(Buffer.from(csv), 413, 'IMPORT_TOO_LARGE', /100,000 行/, '车位.csv');
  });

  it('formulas instead of values', async () => {
    const file = await workbook({
      房屋: [UNITS_HEADER, ['1号楼', null, '101', 1, { formula: '80+9.56', result: 89.56 }, 70, null, null]],
    });
    await refused(file, 422, 'IMPORT_FILE_INVALID', /第 2 行「建筑面积」是公式/);
  });

  it('a 1 MB cell', async () => {
    const file = await workbook({
      业主: [
        ['楼栋', '房号', '姓名', '手机号'],
        ['1号楼', '101', '张'.repeat(1_000_000), '13912345678'],
      ],
    });
    await refused(file, 422, 'IMPORT_FILE_INVALID', /超过 32767 个字符/);
  });

  it('an unknown sheet, an unknown column, a missing column', async () => {
    await refused(await workbook({ Sheet1: [['a'], ['b']] }), 422, 'IMPORT_FILE_INVALID', /未知的工作表「Sheet1」/);
    await refused(
      await workbook({ 房屋: [[...UNITS_HEADER, '备注']] }),
      422,
      'IMPORT_FILE_INVALID',
      /未知的列「备注」/,
    );
    await refused(await workbook({ 房屋: [UNITS_HEADER.slice(1)] }), 422, 'IMPORT_FILE_INVALID', /缺少必填列「楼栋」/);
    await refused(Buffer.from('甲,乙\n1,2\n'), 422, 'IMPORT_FILE_INVALID', /无法从第 1 行的列名判断/, 'x.csv');
  });

  it('over 20 MB', async () => {
    const res = await uploadImport(site.admin, site.community.id, Buffer.alloc(21 * 1024 * 1024, 0x41));
    expect([res.status, res.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });
});

describe('CSV', () => {
  it('one sheet per file, told apart by its headers; UTF-8 with a BOM, quoted fields', async () => {
    const csv = '\uFEFF楼栋,楼层,房号,建筑面积,专有面积\r\n"1号楼",3,301,"98.6",80.15\r\n';
    const res = await uploadImport(site.admin, site.community.id, Buffer.from(csv), '房屋.csv');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ sheets: ['房屋'], errorCount: 0, counts: { units: { added: 1 } } });
  });
});
