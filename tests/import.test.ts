import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { ManualClock } from '../bff/src/clock.js';
import { atBeijing, beijingDay } from '../bff/src/beijing.js';
import { useHarness } from './support/use-harness.js';
import { staff } from './support/actors.js';
import { importFixture, importSite, uploadImport, workbook } from './support/factories/import.js';

/**
 * Master-data import (issue 27, docs/import.md): the golden workbooks of tests/fixtures/import, dry
 * run first, apply only by its author within 30 minutes while nothing changed, re-import is a no-op.
 */
const clock = new ManualClock(atBeijing('2026-11-20', 10 * 60));
const h = useHarness({ clock });
let site: Awaited<ReturnType<typeof importSite>>;

const clean = importFixture('clean');

async function unitsOf(communityId: string) {
  const units = await h.db.unit.findMany({ where: { communityId }, include: { building: true } });
  return units
    .map((u) => [
      u.building.name,
      u.number,
      u.floor,
      u.buildingArea.toFixed(2),
      u.exclusiveArea.toFixed(2),
      u.areaSource,
      u.deliveredAt ? beijingDay(u.deliveredAt) : null,
    ])
    .sort((a, b) => `${a[0]}${a[1]}`.localeCompare(`${b[0]}${b[1]}`));
}

async function rosterOf(communityId: string) {
  const rows = await h.db.ownerRosterEntry.findMany({ where: { unit: { communityId } }, include: { unit: true } });
  return rows
    .map((r) => [r.unit.number, r.name, r.phone, r.relation])
    .sort((a, b) => `${a[0]}${a[2]}`.localeCompare(`${b[0]}${b[2]}`));
}

/** Dry run then apply; both must succeed. */
async function importClean(communityId: string) {
  const dry = await uploadImport(site.admin, communityId, await workbook(clean.sheets));
  expect(dry.status, JSON.stringify(dry.body)).toBe(201);
  const applied = await site.admin.call('POST', `/api/staff/imports/${dry.body.id}/apply`);
  expect(applied.status, JSON.stringify(applied.body)).toBe(200);
  return { dry: dry.body, applied: applied.body };
}

beforeAll(async () => {
  site = await importSite(h);
});

describe('import template', () => {
  it('is a workbook with the notes and the four sheets, Chinese headers, a note on each and a sample row', async () => {
    const res = await fetch(`${h.url}/api/staff/communities/${site.community.id}/import-template`, {
      headers: { authorization: `Bearer ${site.admin.token}` },
    });
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['说明', '房屋', '业主', '车位', '期初欠费']);
    const units = wb.getWorksheet('房屋')!;
    expect(units.getRow(1).values).toEqual([
      undefined,
      '楼栋',
      '楼栋类型',
      '房号',
      '楼层',
      '建筑面积',
      '专有面积',
      '面积来源',
      '交付日期',
    ]);
    expect(String(units.getCell('E1').note)).toContain('两位小数');
    expect(units.getCell('A2').value).toBe('示例：1号楼');
    // The template itself uploads cleanly: its sample rows are not imported.
    const dry = await uploadImport(site.admin, site.community.id, bytes);
    expect([dry.status, dry.body.errorCount, dry.body.counts.units.added]).toEqual([201, 0, 0]);
  });
});

describe('a clean workbook', () => {
  it('dry run counts what it would add; apply writes exact areas, E.164 phones and trimmed names; re-import changes nothing', async () => {
    const community = await site.newCommunity();
    const dry = await uploadImport(site.admin, community.id, await workbook(clean.sheets));
    expect(dry.status).toBe(201);
    expect(dry.body).toMatchObject({ errorCount: 0, errors: [], canApply: true, counts: clean.expect.counts });
    expect(await h.db.unit.count({ where: { communityId: community.id } })).toBe(0); // a dry run writes nothing

    const applied = await site.admin.call('POST', `/api/staff/imports/${dry.body.id}/apply`);
    expect(applied.status).toBe(200);
    expect(await unitsOf(community.id)).toEqual(clean.expect.units);
    // New units and their owners are recorded by the import itself, with its counts.
    const events = await h.db.auditEvent.findMany({ where: { communityId: community.id } });
    expect(events.map((e) => [e.kind, e.actorId, e.after])).toEqual([
      ['IMPORT_APPLIED', site.admin.userId, { units: 3, owners: 3, parking: 2, arrears: 0, transfers: 0 }],
    ]);
    expect(await rosterOf(community.id)).toEqual(clean.expect.roster);
    const parking = await h.db.parkingSpace.findMany({
      where: { communityId: community.id },
      orderBy: { number: 'asc' },
    });
    expect(parking.map((p) => [p.number, p.kind, p.area?.toFixed(2) ?? null, p.unitId !== null])).toEqual([
      ['B1-001', 'OWNED', '12.50', true],
      ['B1-002', 'RENTED', null, false],
    ]);

    const again = await uploadImport(site.admin, community.id, await workbook(clean.sheets));
    expect(again.body.counts).toEqual({
      units: { added: 0, changed: 0, unchanged: 3 },
      owners: { added: 0, changed: 0, unchanged: 3 },
      parking: { added: 0, changed: 0, unchanged: 2 },
      absentUnits: 0,
      arrears: { added: 0, changed: 0, unchanged: 0 },
      arrearsFen: 0,
      transfers: 0,
    });
    const before = await h.db.auditEvent.count({
      where: { communityId: community.id, kind: { not: 'IMPORT_APPLIED' } },
    });
    const reapplied = await site.admin.call('POST', `/api/staff/imports/${again.body.id}/apply`);
    expect(reapplied.body.written).toEqual({ units: 0, owners: 0, parking: 0, arrears: 0, transfers: 0 });
    expect(await unitsOf(community.id)).toEqual(clean.expect.units);
    expect(await h.db.auditEvent.count({ where: { communityId: community.id, kind: { not: 'IMPORT_APPLIED' } } })).toBe(
      before,
    );
  });
});

describe('a workbook with every kind of error', () => {
  it('reports each by sheet, row and column in Chinese, and cannot be applied', async () => {
    const errors = importFixture('errors');
    const dry = await uploadImport(site.admin, site.community.id, await workbook(errors.sheets));
    expect(dry.status, JSON.stringify(dry.body)).toBe(201);
    expect(
      dry.body.errors.map((e: { sheet: string; row: number; message: string }) => [e.sheet, e.row, e.message]),
    ).toEqual(errors.expect.errors);
    expect(dry.body.canApply).toBe(false);
    const apply = await site.admin.call('POST', `/api/staff/imports/${dry.body.id}/apply`);
    expect([apply.status, apply.body.code]).toEqual([409, 'IMPORT_HAS_ERRORS']);
    expect(await h.db.unit.count({ where: { communityId: site.community.id } })).toBe(0);
  });
});

describe('a changed area', () => {
  it('shows before → after and units absent from the file; applying audits who, when and why', async () => {
    const community = await site.newCommunity();
    await importClean(community.id);
    const changed = structuredClone(clean.sheets);
    changed['房屋']![2]![4] = 90.1; // 1号楼 101: 89.56 → 90.10
    changed['房屋']!.splice(4, 1); // 2号楼 201 left out
    changed['业主']!.splice(3, 1, ['1号楼', '102', '赵七', '13700137000', null]); // an owner for an existing unit
    const dry = await uploadImport(site.admin, community.id, await workbook(changed));
    expect(dry.body.changes).toEqual([
      { building: '1号楼', number: '101', field: '建筑面积', before: '89.56', after: '90.10' },
    ]);
    expect(dry.body.absent).toEqual([{ building: '2号楼', number: '201' }]);
    expect(dry.body.counts.units).toEqual({ added: 0, changed: 1, unchanged: 1 });
    const apply = await site.admin.call('POST', `/api/staff/imports/${dry.body.id}/apply`);
    expect(apply.status).toBe(200);
    const unit = await h.db.unit.findFirstOrThrow({ where: { communityId: community.id, number: '101' } });
    expect(unit.buildingArea.toFixed(2)).toBe('90.10');
    expect(await h.db.unit.count({ where: { communityId: community.id } })).toBe(3); // absent ≠ deleted
    const audit = await h.db.auditEvent.findFirstOrThrow({ where: { subjectId: unit.id, kind: 'UNIT_AREA' } });
    expect(audit).toMatchObject({
      actorId: site.admin.userId,
      before: { buildingArea: '89.56' },
      after: { buildingArea: '90.10' },
      at: clock.now(),
    });
    expect(audit.reason).toContain(dry.body.id);
    const unit102 = await h.db.unit.findFirstOrThrow({ where: { communityId: community.id, number: '102' } });
    const added = await h.db.auditEvent.findFirstOrThrow({ where: { subjectId: unit102.id, kind: 'ROSTER_ADD' } });
    expect([added.actorId, added.after]).toEqual([
      site.admin.userId,
      [{ name: '赵七', phone: '+8613700137000', relation: 'OWNER' }],
    ]);
  });
});

describe('applying', () => {
  it('only its author, once, within 30 minutes, and only while nothing changed', async () => {
    const community = await site.newCommunity();
    const otherAdmin = await staff(h, 'COMPANY_ADMIN', { companyId: site.company.id, id: null });
    const dryRun = async () =>
      (await uploadImport(site.admin, community.id, await workbook(clean.sheets))).body.id as string;

    const first = await dryRun();
    expect((await otherAdmin.call('POST', `/api/staff/imports/${first}/apply`)).status).toBe(404);
    expect((await otherAdmin.call('GET', `/api/staff/imports/${first}`)).status).toBe(404);
    clock.advance(30 * 60_000);
    const late = await site.admin.call('POST', `/api/staff/imports/${first}/apply`);
    expect([late.status, late.body.code]).toEqual([410, 'IMPORT_EXPIRED']);

    const second = await dryRun();
    await h.db.building.create({ data: { communityId: community.id, name: '3号楼' } }); // someone else's edit
    const stale = await site.admin.call('POST', `/api/staff/imports/${second}/apply`);
    expect([stale.status, stale.body.code]).toEqual([409, 'IMPORT_STALE']);
    expect(await h.db.unit.count({ where: { communityId: community.id } })).toBe(0);
    expect((await h.db.importRun.findUniqueOrThrow({ where: { id: second } })).appliedAt).toBeNull();

    const third = await dryRun();
    expect((await site.admin.call('POST', `/api/staff/imports/${third}/apply`)).status).toBe(200);
    const twice = await site.admin.call('POST', `/api/staff/imports/${third}/apply`);
    expect([twice.status, twice.body.code]).toEqual([409, 'IMPORT_APPLIED']);
  });

  it('is for company administrators of that community only: anyone else finds no community', async () => {
    const manager = await staff(h, 'MANAGER', { companyId: site.company.id, id: site.community.id });
    const outsider = await importSite(h);
    const file = await workbook(clean.sheets);
    for (const who of [manager, outsider.admin]) {
      const res = await uploadImport(who, site.community.id, file);
      expect([res.status, res.body.code]).toEqual([404, 'NOT_FOUND']);
    }
    const template = await manager.call('GET', `/api/staff/communities/${site.community.id}/import-template`);
    expect(template.status).toBe(404);
  });
});
