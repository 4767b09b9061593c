import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../bff/src/clock.js';
import { atBeijing } from '../bff/src/beijing.js';
import { transferInTx } from '../bff/src/units/record-transfer.js';
import { useHarness } from './support/use-harness.js';
import { untilSomeoneWaitsOnALock } from './support/lock-wait.js';
import { staff, type Actor } from './support/actors.js';
import { TEST_APPID } from './support/harness.js';
import { addFeeItem, makeUser, monthsFromNow, runBilling } from './support/factories/index.js';
import { importFixture, importSite, uploadImport, workbook, type SheetCells } from './support/factories/import.js';

/**
 * A sale in the owners sheet (docs/import.md, Owners and transfers): the golden file transfer.json, recorded
 * through the desk's own transfer code; a stale roster never puts a seller back; retired units are history.
 */
const clock = new ManualClock(atBeijing('2026-11-20', 10 * 60));
const h = useHarness({ clock });
let site: Awaited<ReturnType<typeof importSite>>;
const fixture = importFixture('transfer') as ReturnType<typeof importFixture> & { before: SheetCells };
const exp = fixture.expect as {
  counts: object;
  transfers: object[];
  roster: unknown[][];
  staleRosterErrors: unknown[][];
};

beforeAll(async () => {
  site = await importSite(h);
});

async function importAndApply(communityId: string, sheets: SheetCells) {
  const dry = await uploadImport(site.admin, communityId, await workbook(sheets));
  expect([dry.status, dry.body.errors], JSON.stringify(dry.body)).toEqual([201, []]);
  const applied = await site.admin.call('POST', `/api/staff/imports/${dry.body.id}/apply`);
  expect(applied.status, JSON.stringify(applied.body)).toBe(200);
  return { dry: dry.body, applied: applied.body };
}

async function rosterOf(communityId: string) {
  const rows = await h.db.ownerRosterEntry.findMany({ where: { unit: { communityId } }, include: { unit: true } });
  return rows
    .map((r) => [r.unit.number, r.name, r.phone, r.relation])
    .sort((a, b) => `${a[0]}${a[2]}`.localeCompare(`${b[0]}${b[2]}`));
}

const errorsOf = (body: { errors: { sheet: string; row: number; message: string }[] }) =>
  body.errors.map((e) => [e.sheet, e.row, e.message]);

/** 张三 signed in with the phone the roster names: bound to 1号楼 101 at once (a roster match). */
async function seller(unitId: string) {
  const user = await makeUser(h.db, TEST_APPID);
  const token = await h.loginAs(user.openid);
  await h.bindPhone(token, '13911110001');
  const bound = await h.call('POST', '/api/units/bind-requests', { token, body: { unitId, relation: 'OWNER' } });
  expect(bound.body.status).toBe('VERIFIED');
  return { userId: user.id, token };
}

describe('golden file: a transfer of ownership', () => {
  it('the dry run lists the sale before → after; apply records it as the desk would; the same file again is a no-op', async () => {
    const community = await site.newCommunity();
    await importAndApply(community.id, fixture.before);
    const unit = await h.db.unit.findFirstOrThrow({ where: { communityId: community.id, number: '101' } });
    const zhang = await seller(unit.id);
    const manager: Actor = await staff(h, 'MANAGER', { id: community.id, companyId: site.company.id });
    const item = await addFeeItem(manager, community.id, {
      kind: 'PROPERTY',
      name: '物业服务费',
      amountFen: 235,
      cycle: 'MONTH',
    });
    const months = monthsFromNow(h, -3, 3); // 2026-08, 09, 10: the first two begin before the sale
    expect(months).toEqual(['2026-08', '2026-09', '2026-10']);
    for (const m of months) await runBilling(manager, community.id, m, [item.id]);

    const dry = await uploadImport(site.admin, community.id, await workbook(fixture.sheets));
    expect(dry.status, JSON.stringify(dry.body)).toBe(201);
    expect(dry.body).toMatchObject({ errorCount: 0, canApply: true, counts: exp.counts, transfers: exp.transfers });
    expect(await h.db.ownershipTransfer.count({ where: { communityId: community.id } })).toBe(0); // nothing written

    const applied = await site.admin.call('POST', `/api/staff/imports/${dry.body.id}/apply`);
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect(applied.body.written).toEqual({ units: 0, owners: 2, parking: 0, arrears: 0, transfers: 1 });
    expect(await rosterOf(community.id)).toEqual(exp.roster);

    // The same transfer code as POST /api/staff/units/:unitId/transfers: its record, its audit, memberships ended.
    const t = await h.db.ownershipTransfer.findFirstOrThrow({ where: { unitId: unit.id } });
    expect([t.onDate, t.recordedById, t.reason]).toEqual([
      '2026-10-01',
      site.admin.userId,
      expect.stringContaining(dry.body.id),
    ]);
    const audit = await h.db.auditEvent.findFirstOrThrow({ where: { subjectId: unit.id, kind: 'OWNERSHIP_TRANSFER' } });
    expect(audit.after).toMatchObject({ onDate: '2026-10-01', membershipsEnded: 1 });
    const m = await h.db.unitMembership.findFirstOrThrow({ where: { unitId: unit.id, userId: zhang.userId } });
    expect([m.status, m.endReason]).toEqual(['ENDED', '过户']);
    const theirs = await h.call('GET', `/api/bills?unitId=${unit.id}&status=unpaid`, { token: zhang.token });
    expect(theirs.status).toBe(404);
    // Bills of periods begun before the date are the seller's.
    const desk = await manager.call(
      'GET',
      `/api/staff/communities/${community.id}/bills?unitId=${unit.id}&status=unpaid`,
    );
    expect(
      desk.body.items
        .map((b: { period: string; seller: boolean }) => [b.period, b.seller])
        .sort((a: string[], b: string[]) => a[0]!.localeCompare(b[0]!)),
    ).toEqual([
      ['2026-08', true],
      ['2026-09', true],
      ['2026-10', false],
    ]);

    // Re-importing the same file changes nothing.
    const again = await importAndApply(community.id, fixture.sheets);
    expect(again.dry.counts).toMatchObject({ owners: { added: 0, changed: 0, unchanged: 3 }, transfers: 0 });
    expect(again.applied.written).toEqual({ units: 0, owners: 0, parking: 0, arrears: 0, transfers: 0 });
    expect(await h.db.ownershipTransfer.count({ where: { unitId: unit.id } })).toBe(1);

    // An old roster that still lists the sellers never puts them back: each row names the transfer.
    const stale = await uploadImport(site.admin, community.id, await workbook(fixture.before));
    expect(errorsOf(stale.body)).toEqual(exp.staleRosterErrors);
    expect(stale.body.canApply).toBe(false);
  });
});

describe('a sale at the desk between the dry run and applying', () => {
  it('makes applying refuse (the fingerprint moved), writing nothing', async () => {
    const community = await site.newCommunity();
    await importAndApply(community.id, fixture.before);
    const dry = await uploadImport(site.admin, community.id, await workbook(fixture.sheets));
    expect(dry.body.canApply).toBe(true);
    const unit = await h.db.unit.findFirstOrThrow({ where: { communityId: community.id, number: '201' } });
    const desk = await site.admin.call('POST', `/api/staff/units/${unit.id}/transfers`, {
      body: {
        owners: [{ name: '吴九', phone: '13911110009' }],
        onDate: '2026-11-01',
        reason: '二手房买卖',
        evidence: '不动产权证书',
      },
    });
    expect(desk.status).toBe(201);
    const stale = await site.admin.call('POST', `/api/staff/imports/${dry.body.id}/apply`);
    expect([stale.status, stale.body.code]).toEqual([409, 'IMPORT_STALE']);
    expect(await h.db.ownershipTransfer.count({ where: { communityId: community.id } })).toBe(1);
  });
});

describe('a 过户日期 the desk would refuse is an error of its row', () => {
  it('sellers among the buyers, a date after today, rows of one unit with different dates', async () => {
    const community = await site.newCommunity();
    await importAndApply(community.id, fixture.before);
    const header = fixture.sheets['业主']![0]!;
    const sheet = (rows: unknown[][]) => ({ 业主: [header, ...rows] });
    const keeps = await uploadImport(
      site.admin,
      community.id,
      await workbook(
        sheet([
          ['1号楼', '101', '张三', '13911110001', '业主', '2026-10-01'],
          ['1号楼', '101', '赵六', '13911110004', '共有人', '2026-10-01'],
        ]),
      ),
    );
    expect(errorsOf(keeps.body)).toEqual([
      [
        '业主',
        2,
        '第 2 行：张三 是 1号楼 101 现登记的业主。过户是整套房屋换了业主，请只列新业主；增加或减少共有人请不填「过户日期」',
      ],
    ]);
    const future = await uploadImport(
      site.admin,
      community.id,
      await workbook(sheet([['1号楼', '101', '赵六', '13911110004', '业主', '2026-11-21']])),
    );
    expect(errorsOf(future.body)).toEqual([['业主', 2, '第 2 行「过户日期」不能晚于今天']]);
    const mixed = await uploadImport(
      site.admin,
      community.id,
      await workbook(
        sheet([
          ['1号楼', '101', '赵六', '13911110004', '业主', '2026-10-01'],
          ['1号楼', '101', '孙七', '13911110005', '共有人', null],
        ]),
      ),
    );
    expect(errorsOf(mixed.body)).toEqual([
      ['业主', 3, '第 3 行「过户日期」与第 2 行不同：同一房屋的各行要填写相同的过户日期'],
    ]);
    // Without a date, a new person beside the owners of record is a change of the roster, as before.
    const coOwner = await uploadImport(
      site.admin,
      community.id,
      await workbook(sheet([['1号楼', '101', '孙七', '13911110005', '共有人', null]])),
    );
    expect([coOwner.body.errorCount, coOwner.body.counts.owners.added, coOwner.body.counts.transfers]).toEqual([
      0, 1, 0,
    ]);
  });
});

describe('a retired unit in the file', () => {
  it('is an error of each row that would change it, by row; rows that leave it as it is are unchanged', async () => {
    const community = await site.newCommunity();
    await importAndApply(community.id, fixture.before);
    const unit = await h.db.unit.findFirstOrThrow({ where: { communityId: community.id, number: '201' } });
    const manager = await staff(h, 'MANAGER', { id: community.id, companyId: site.company.id });
    const retired = await manager.call('POST', `/api/staff/master/units/${unit.id}/retire`, {
      body: { reason: '合并房屋' },
    });
    expect(retired.status).toBe(200);

    const same = await uploadImport(site.admin, community.id, await workbook(fixture.before));
    expect([same.body.errorCount, same.body.counts.units.unchanged, same.body.counts.absentUnits]).toEqual([0, 2, 0]);

    const changed = structuredClone(fixture.before);
    changed['房屋']![2]![4] = 96; // 2号楼 201's area
    changed['业主']!.push(['2号楼', '201', '周八', '13911110008', '共有人']);
    const dry = await uploadImport(site.admin, community.id, await workbook(changed));
    expect(errorsOf(dry.body)).toEqual([
      ['房屋', 3, '第 3 行：房屋 2号楼 201 已停用'],
      ['业主', 5, '第 5 行：房屋 2号楼 201 已停用'],
    ]);
  });
});

describe('a community retired after the dry run', () => {
  it('makes applying refuse (409 MASTER_RETIRED), writing nothing', async () => {
    const community = await site.newCommunity();
    const dry = await uploadImport(site.admin, community.id, await workbook(fixture.before));
    expect(dry.body.canApply).toBe(true);
    const retired = await site.admin.call('POST', `/api/staff/master/communities/${community.id}/retire`, {
      body: { reason: '合同到期' },
    });
    expect(retired.status, JSON.stringify(retired.body)).toBe(200);
    const applied = await site.admin.call('POST', `/api/staff/imports/${dry.body.id}/apply`);
    expect([applied.status, applied.body.code]).toEqual([409, 'MASTER_RETIRED']);
    expect(await h.db.unit.count({ where: { communityId: community.id } })).toBe(0);
    expect((await h.db.importRun.findUniqueOrThrow({ where: { id: dry.body.id } })).appliedAt).toBeNull();
  });
});

describe('retired rows the file leaves as they are', () => {
  it('an opening arrear of a retired unit, and another 楼栋类型 for a retired building, are errors of their rows', async () => {
    const community = await site.newCommunity();
    await importAndApply(community.id, fixture.before);
    await h.db.feeItem.create({
      data: { communityId: community.id, kind: 'PROPERTY', name: '物业服务费', amountFen: 235, cycle: 'MONTH' },
    });
    const unit = await h.db.unit.findFirstOrThrow({ where: { communityId: community.id, number: '201' } });
    const manager = await staff(h, 'MANAGER', { id: community.id, companyId: site.company.id });
    const retire = (path: string) => manager.call('POST', path, { body: { reason: '合并房屋' } });
    expect((await retire(`/api/staff/master/units/${unit.id}/retire`)).status).toBe(200);
    expect((await retire(`/api/staff/master/buildings/${unit.buildingId}/retire`)).status).toBe(200);

    const arrears = await uploadImport(
      site.admin,
      community.id,
      await workbook({
        期初欠费: [
          ['楼栋', '房号', '收费项目', '账期', '金额'],
          ['1号楼', '101', '物业服务费', '2026-05', 210.47],
          ['2号楼', '201', '物业服务费', '2026-05', 100],
        ],
      }),
    );
    expect(errorsOf(arrears.body)).toEqual([['期初欠费', 3, '第 3 行：房屋 2号楼 201 已停用']]);

    const retyped = structuredClone(fixture.before);
    retyped['房屋']![2]![1] = '别墅'; // 2号楼 was 多层; 201 itself unchanged
    const dry = await uploadImport(site.admin, community.id, await workbook(retyped));
    expect(errorsOf(dry.body)).toEqual([['房屋', 3, '第 3 行：楼栋 2号楼 已停用']]);
    // The same rows with its type as it stands are unchanged, as before.
    const same = await uploadImport(site.admin, community.id, await workbook(fixture.before));
    expect(same.body.errorCount).toBe(0);
  });
});

describe('a sale names exactly one 业主', () => {
  it('two 业主 or none among a dated unit’s rows is an error of the unit’s first dated row', async () => {
    const community = await site.newCommunity();
    await importAndApply(community.id, fixture.before);
    const header = fixture.sheets['业主']![0]!;
    const sheet = (rows: unknown[][]) => ({ 业主: [header, ...rows] });
    const two = await uploadImport(
      site.admin,
      community.id,
      await workbook(
        sheet([
          ['1号楼', '101', '赵六', '13911110004', '业主', '2026-10-01'],
          ['1号楼', '101', '孙七', '13911110005', null, '2026-10-01'],
        ]),
      ),
    );
    const none = await uploadImport(
      site.admin,
      community.id,
      await workbook(
        sheet([
          ['1号楼', '101', '赵六', '13911110004', '共有人', '2026-10-01'],
          ['1号楼', '101', '孙七', '13911110005', '共有人', '2026-10-01'],
        ]),
      ),
    );
    const message = (n: number) =>
      `第 2 行：过户后 1号楼 101 应有且只有一位「业主」，其他人填「共有人」（文件中有 ${n} 位业主）`;
    expect(errorsOf(two.body)).toEqual([['业主', 2, message(2)]]);
    expect(errorsOf(none.body)).toEqual([['业主', 2, message(0)]]);
  });
});

/**
 * The desk sells the unit to 吴九 on 2026-11-01 and holds its transaction open after taking the unit; the
 * apply of the dry run starts meanwhile, and the sale commits once the apply waits on a lock. The apply's answer.
 */
async function applyDuringDeskSale(communityId: string, unitId: string, runId: string) {
  let release!: () => void;
  let locked!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const taken = new Promise<void>((r) => (locked = r));
  const where = { companyId: site.company.id, communityId, actorId: site.admin.userId, now: clock.now() };
  const sale = h.db.$transaction(
    async (tx) => {
      await transferInTx(tx, where, {
        unitId,
        onDate: '2026-11-01',
        buyers: [{ name: '吴九', phone: '+8613911110009', relation: 'OWNER' }],
        reason: '二手房买卖',
        evidence: '不动产权证书',
      });
      locked();
      await gate;
    },
    { timeout: 20_000 },
  );
  await taken;
  const applying = site.admin.call('POST', `/api/staff/imports/${runId}/apply`);
  await untilSomeoneWaitsOnALock(h.db);
  release();
  await sale;
  return applying;
}

describe('a desk sale committing while an apply runs', () => {
  it('the apply waits for the unit and then refuses (IMPORT_STALE): no owner is added over the new roster', async () => {
    const community = await site.newCommunity();
    await importAndApply(community.id, fixture.before);
    const file = structuredClone(fixture.before);
    file['业主']!.push(['2号楼', '201', '周八', '13911110008', '共有人']); // an owner added to 201, no sale
    const dry = await uploadImport(site.admin, community.id, await workbook(file));
    expect([dry.body.canApply, dry.body.counts.owners.added]).toEqual([true, 1]);
    const unit = await h.db.unit.findFirstOrThrow({ where: { communityId: community.id, number: '201' } });

    // The desk's sale of 201, held open after it took the unit: the apply starts meanwhile.
    const applied = await applyDuringDeskSale(community.id, unit.id, dry.body.id);
    expect([applied.status, applied.body.code]).toEqual([409, 'IMPORT_STALE']);
    expect((await rosterOf(community.id)).filter((r) => r[0] === '201')).toEqual([
      ['201', '吴九', '+8613911110009', 'OWNER'],
    ]);
  });

  it('with a sale in the file (the Prisma path) the apply refuses just the same (IMPORT_STALE, not 500)', async () => {
    const community = await site.newCommunity();
    await importAndApply(community.id, fixture.before);
    const dry = await uploadImport(site.admin, community.id, await workbook(fixture.sheets)); // 101 sold on 2026-10-01
    expect([dry.status, dry.body.canApply], JSON.stringify(dry.body)).toEqual([201, true]);
    const unit = await h.db.unit.findFirstOrThrow({ where: { communityId: community.id, number: '101' } });

    // The desk sells 101 too and holds its transaction open after taking the unit; the apply waits on 101.
    const applied = await applyDuringDeskSale(community.id, unit.id, dry.body.id);
    expect([applied.status, applied.body.code], JSON.stringify(applied.body)).toEqual([409, 'IMPORT_STALE']);
    expect((await rosterOf(community.id)).filter((r) => r[0] === '101')).toEqual([
      ['101', '吴九', '+8613911110009', 'OWNER'],
    ]);
  });
});

describe('a desk sale committing while an apply writes only an opening arrear of its unit', () => {
  it('the apply waits for the unit and refuses (IMPORT_STALE): no arrear lands on a unit sold meanwhile', async () => {
    const community = await site.newCommunity();
    await importAndApply(community.id, fixture.before);
    await h.db.feeItem.create({
      data: { communityId: community.id, kind: 'PROPERTY', name: '物业服务费', amountFen: 235, cycle: 'MONTH' },
    });
    const unit = await h.db.unit.findFirstOrThrow({ where: { communityId: community.id, number: '201' } });
    const dry = await uploadImport(
      site.admin,
      community.id,
      await workbook({
        期初欠费: [
          ['楼栋', '房号', '收费项目', '账期', '金额'],
          ['2号楼', '201', '物业服务费', '2026-05', 100],
        ],
      }),
    );
    expect([dry.body.canApply, dry.body.errors], JSON.stringify(dry.body)).toEqual([true, []]);
    const applied = await applyDuringDeskSale(community.id, unit.id, dry.body.id);
    expect([applied.status, applied.body.code], JSON.stringify(applied.body)).toEqual([409, 'IMPORT_STALE']);
    expect(await h.db.bill.count({ where: { unitId: unit.id, opening: true } })).toBe(0);
  });
});

describe('an apply beside a billing run', () => {
  it('waits for the community’s billing lock (taken first, as retire takes it) and then applies', async () => {
    const community = await site.newCommunity();
    const dry = await uploadImport(site.admin, community.id, await workbook(fixture.before));
    expect(dry.body.canApply).toBe(true);
    let release!: () => void;
    let locked!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const taken = new Promise<void>((r) => (locked = r));
    const billing = h.db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`billing:${community.id}`}, 0))`;
        locked();
        await gate;
      },
      { timeout: 20_000 },
    );
    await taken;
    const applying = site.admin.call('POST', `/api/staff/imports/${dry.body.id}/apply`);
    await untilSomeoneWaitsOnALock(h.db);
    release();
    await billing;
    const applied = await applying;
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
  });
});
