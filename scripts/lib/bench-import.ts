import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { DEMO_COMPANY, DEMO_OPENIDS } from '../../prisma/seed.js';
import type { startStack } from '../../tests/support/harness.js';
import { multipart } from '../../tests/support/images.js';

type Stack = Awaited<ReturnType<typeof startStack>>;
const print = (name: string, value: number, unit: string) => process.stdout.write(`BENCH ${name} ${value} ${unit}\n`);
const verdict = (name: string, value: number, target: number, unit: string) =>
  process.stdout.write(`BENCH ${name} ${value < target ? 'met' : 'MISSED'} (target < ${target} ${unit})\n`);

const UNITS = 20_000;
const OWNERS = 30_000;
const PARKING = 5_000;

/** The workbook a large community's office would bring, written by ExcelJS's streaming writer to a file. */
async function bigWorkbook(path: string) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const units = wb.addWorksheet('房屋');
  units.addRow(['楼栋', '楼栋类型', '房号', '楼层', '建筑面积', '专有面积', '面积来源', '交付日期']).commit();
  const unit = (i: number) => [`${Math.floor(i / 1000) + 1}号楼`, String(1000 + (i % 1000))];
  for (let i = 0; i < UNITS; i++)
    units
      .addRow([
        ...unit(i).slice(0, 1),
        '高层',
        unit(i)[1],
        (i % 30) + 1,
        80 + (i % 97) + 0.56,
        70 + (i % 10) + 0.25,
        '产权登记',
        '2024-06-30',
      ])
      .commit();
  units.commit();
  const owners = wb.addWorksheet('业主');
  owners.addRow(['楼栋', '房号', '姓名', '手机号', '身份']).commit();
  for (let i = 0; i < OWNERS; i++) {
    const u = unit(i % UNITS);
    owners
      .addRow([u[0], u[1], `业主${i}`, `139${String(10_000_000 + i).slice(-8)}`, i < UNITS ? '业主' : '共有人'])
      .commit();
  }
  owners.commit();
  const parking = wb.addWorksheet('车位');
  parking.addRow(['车位号', '类型', '面积', '楼栋', '房号']).commit();
  for (let i = 0; i < PARKING; i++) parking.addRow([`B1-${i}`, '产权', 12.5, ...unit(i)]).commit();
  parking.commit();
  await wb.commit();
}

/**
 * import_20k_s: a workbook of 20,000 units, 30,000 owners and 5,000 parking spaces into a new
 * community of the demo company — dry run plus apply over HTTP, as the console does it.
 * import_20k_rss_mb: how far the bench process's RSS (it hosts the BFF) rose above where it stood just
 * before, at its peak, sampled every 20 ms; import_20k_rss_base_mb is where it stood.
 */
export async function benchImport(stack: Stack) {
  const company = await stack.db.propertyCompany.findFirstOrThrow({ where: { name: DEMO_COMPANY } });
  const community = await stack.db.community.create({
    data: { companyId: company.id, name: '导入基准小区', address: '基准路1号' },
  });
  const token = await stack.loginAs(DEMO_OPENIDS.admin);
  const path = join(tmpdir(), `wyt-bench-import-${process.pid}.xlsx`);
  await bigWorkbook(path);
  const file = readFileSync(path);
  rmSync(path);
  const { body, contentType } = multipart(file, { filename: 'big.xlsx', type: 'application/octet-stream' });
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const dry = await stack.call('POST', `/api/staff/imports?communityId=${community.id}`, {
    token,
    raw: body,
    headers: { 'content-type': contentType },
  });
  if (dry.status !== 201 || dry.body.errorCount !== 0)
    throw new Error(`import dry run: ${dry.status} ${JSON.stringify(dry.body).slice(0, 500)}`);
  const dryS = (performance.now() - t0) / 1000;
  const applied = await stack.call('POST', `/api/staff/imports/${dry.body.id}/apply`, { token });
  if (applied.status !== 200) throw new Error(`import apply: ${applied.status} ${JSON.stringify(applied.body)}`);
  const seconds = Math.round(((performance.now() - t0) / 1000) * 10) / 10;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const rss = Math.round((peak - baseline) / 1024 / 1024);
  print('import_20k_file_mb', Math.round((file.length / 1024 / 1024) * 10) / 10, 'MB');
  print('import_20k_dry_run_s', Math.round(dryS * 10) / 10, 's');
  print('import_20k_s', seconds, 's');
  // This process's CPU (the BFF's JavaScript, not PostgreSQL's): less sensitive to a busy machine than the wall clock.
  const cpu = process.cpuUsage(cpu0);
  print('import_20k_bff_cpu_s', Math.round((cpu.user + cpu.system) / 1e5) / 10, 's');
  print('import_20k_rss_mb', rss, 'MB');
  print('import_20k_rss_base_mb', Math.round(baseline / 1024 / 1024), 'MB');
  verdict('import_20k_s', seconds, 15, 's');
  verdict('import_20k_rss_mb', rss, 400, 'MB');
}
