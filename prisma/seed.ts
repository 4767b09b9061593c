import { randomUUID } from 'node:crypto';
import type { MemberRelation, Prisma, PrismaClient, StaffRoleKind } from '@prisma/client';
import { importDemoLists } from './seed-import.js';
import { billLines } from '../bff/src/fees/bill-lines.js';
import { parsePeriod } from '../bff/src/fees/periods.js';
import { takeReceiptNo } from '../bff/src/fees/receipts.js';

/**
 * The demo property company: two communities, ~200 units with building and exclusive areas,
 * owners on the roster, parking, and one demo user for every role. The units, owners and parking go
 * in through the Excel import's own code (seed-import.ts; docs/import.md, The demo seed). Deterministic, so screenshots and
 * demos look the same on every machine; idempotent, so `npm run dev` can run it on every start.
 */
export const DEMO_COMPANY = '申城物业服务有限公司';

export type DemoUser = { openid: string; label: string; name: string | null; phone: string | null };

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '秀英',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀兰',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '文',
  '华',
  '红',
  '建国',
  '志强',
  '晓梅',
];

const ownerName = (i: number) => `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`;
const ownerPhone = (i: number) => `+86139${String(10_000_000 + i * 7919).slice(-8)}`; // E.164

/** Areas in hundredths of m², computed with integers and written as exact decimals. */
const area = (hundredths: number) => `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;

type Layout = {
  name: string;
  address: string;
  dutyPhone: string;
  buildings: number;
  floors: number;
  perFloor: number;
  baseArea: number[];
};

const LAYOUTS: Layout[] = [
  {
    name: '梧桐苑',
    address: '上海市徐汇区梧桐路88弄',
    dutyPhone: '021-64381234',
    buildings: 5,
    floors: 10,
    perFloor: 2,
    baseArea: [8956, 12638],
  },
  {
    name: '银杏花园',
    address: '上海市闵行区银杏路168弄',
    dutyPhone: '021-54785678',
    buildings: 4,
    floors: 5,
    perFloor: 5,
    baseArea: [7212, 9045, 11520, 9045, 7212],
  },
];

export const DEMO_OPENIDS = {
  owner: 'demo-owner',
  ownerUnbound: 'demo-owner-unbound',
  pending: 'demo-pending',
  newcomer: 'demo-newcomer',
  managerA: 'demo-manager-wutong',
  managerB: 'demo-manager-yinxing',
  technician: 'demo-technician',
  cashier: 'demo-cashier',
  committee: 'demo-committee',
  admin: 'demo-admin',
} as const;

export async function seedDemo(db: PrismaClient, appid: string) {
  const existing = await db.propertyCompany.findFirst({ where: { name: DEMO_COMPANY } });
  if (existing) return { created: false, ...(await summary(db, existing.id)) };

  return db.$transaction(
    async (tx) => {
      const company = await tx.propertyCompany.create({ data: { name: DEMO_COMPANY } });
      const communities: { id: string; units: { id: string; label: string; ownerIndex: number | null }[] }[] = [];
      let ownerIndex = 0;
      for (const layout of LAYOUTS) {
        const community = await tx.community.create({
          data: {
            companyId: company.id,
            name: layout.name,
            address: layout.address,
            dutyPhone: layout.dutyPhone,
            officeHours: '周一至周日 8:30–17:30',
          },
        });
        // The community's lists, as the office would fill in the import template (seed-import.ts).
        const units: Record<string, string | number | null>[] = [];
        const owners: Record<string, string | number | null>[] = [];
        const labels: { building: string; number: string; label: string; ownerIndex: number | null }[] = [];
        for (let b = 1; b <= layout.buildings; b++) {
          const building = `${b}号楼`;
          for (let floor = 1; floor <= layout.floors; floor++) {
            for (let pos = 1; pos <= layout.perFloor; pos++) {
              const number = `${floor}${String(pos).padStart(2, '0')}`;
              const built = layout.baseArea[pos - 1]! + b * 13 + floor * 3;
              const unitNo = units.length + 1;
              // Every 12th unit is still held by the developer: undelivered, nobody on the roster.
              const developerHeld = unitNo % 12 === 0;
              units.push({
                楼栋: building,
                房号: number,
                楼层: floor,
                建筑面积: area(built),
                专有面积: area(Math.round((built * 82) / 100)),
                面积来源: unitNo % 15 === 0 ? '测绘报告' : '产权登记',
                交付日期: developerHeld ? null : '2021-06-30',
              });
              if (!developerHeld) {
                ownerIndex += 1;
                owners.push({
                  楼栋: building,
                  房号: number,
                  姓名: ownerName(ownerIndex),
                  手机号: ownerPhone(ownerIndex),
                  身份: '业主',
                });
                if (unitNo % 7 === 0)
                  owners.push({
                    楼栋: building,
                    房号: number,
                    姓名: ownerName(ownerIndex + 500),
                    手机号: ownerPhone(ownerIndex + 500),
                    身份: '共有人',
                  });
              }
              labels.push({
                building,
                number,
                label: `${layout.name}${building}${number}`,
                ownerIndex: developerHeld ? null : ownerIndex,
              });
            }
          }
        }
        const parking = Array.from({ length: 30 }, (_, i) => {
          const unit = i < 20 ? units[(i * 3) % units.length]! : null;
          return {
            车位号: `P${String(i + 1).padStart(3, '0')}`,
            类型: i < 12 ? '产权' : i < 20 ? '租赁' : null,
            面积: '12.50',
            楼栋: unit?.楼栋 ?? null,
            房号: unit?.房号 ?? null,
          };
        });
        const imported = await importDemoLists(tx, community.id, { 房屋: units, 业主: owners, 车位: parking });
        communities.push({
          id: community.id,
          units: labels.map((l) => ({
            id: imported.unitIdOf(l.building, l.number)!,
            label: l.label,
            ownerIndex: l.ownerIndex,
          })),
        });
      }
      const [wutong, yinxing] = communities as [(typeof communities)[0], (typeof communities)[0]];
      const owned = (c: typeof wutong, n: number) => c.units.filter((u) => u.ownerIndex !== null)[n]!;

      const makeUser = (openid: string, name: string | null, phone: string | null) =>
        tx.user.create({ data: { name, phone, identities: { create: { appid, openid } } } });
      const member = (
        userId: string,
        unitId: string,
        relation: MemberRelation,
        status: 'VERIFIED' | 'PENDING',
        auto: boolean,
      ) =>
        tx.unitMembership.create({
          data: {
            userId,
            unitId,
            relation,
            status,
            autoApproved: auto,
            decidedAt: status === 'VERIFIED' ? new Date() : null,
          },
        });
      const role = (userId: string, r: StaffRoleKind, communityId: string | null, canRevealPii = false) =>
        tx.staffRole.create({ data: { userId, companyId: company.id, communityId, role: r, canRevealPii } });

      const ownerUnit = owned(wutong, 0);
      const owner = await makeUser(
        DEMO_OPENIDS.owner,
        ownerName(ownerUnit.ownerIndex!),
        ownerPhone(ownerUnit.ownerIndex!),
      );
      await member(owner.id, ownerUnit.id, 'OWNER', 'VERIFIED', true);

      // On the roster but not yet bound: binding the unit in the app is approved at once.
      const unboundUnit = owned(wutong, 1);
      await makeUser(DEMO_OPENIDS.ownerUnbound, null, ownerPhone(unboundUnit.ownerIndex!));

      const pending = await makeUser(DEMO_OPENIDS.pending, '何租客', '+8613700000001');
      await member(pending.id, owned(wutong, 5).id, 'TENANT', 'PENDING', false);

      await makeUser(DEMO_OPENIDS.newcomer, null, null);

      const managerA = await makeUser(DEMO_OPENIDS.managerA, '吴经理', '+8613600000001');
      await role(managerA.id, 'MANAGER', wutong.id, true);
      const managerB = await makeUser(DEMO_OPENIDS.managerB, '郑经理', '+8613600000002');
      await role(managerB.id, 'MANAGER', yinxing.id, true);
      const tech = await makeUser(DEMO_OPENIDS.technician, '冯师傅', '+8613600000003');
      await role(tech.id, 'TECHNICIAN', wutong.id);
      await role(tech.id, 'TECHNICIAN', yinxing.id);
      const cashier = await makeUser(DEMO_OPENIDS.cashier, '钱收银', '+8613600000004');
      await role(cashier.id, 'CASHIER', wutong.id);

      const committeeUnit = owned(wutong, 10);
      const committee = await makeUser(
        DEMO_OPENIDS.committee,
        ownerName(committeeUnit.ownerIndex!),
        ownerPhone(committeeUnit.ownerIndex!),
      );
      await member(committee.id, committeeUnit.id, 'OWNER', 'VERIFIED', true);
      await role(committee.id, 'COMMITTEE_MEMBER', wutong.id);

      const admin = await makeUser(DEMO_OPENIDS.admin, '林总', '+8613600000005');
      await role(admin.id, 'COMPANY_ADMIN', null, true);

      await seedBills(tx, wutong.id, cashier.id);
      await seedCounterPayments(tx, wutong.id, cashier.id);

      return { created: true, ...(await summary(tx as unknown as PrismaClient, company.id)) };
    },
    { timeout: 60_000 },
  );
}

/** 梧桐苑's fee standards and three months of bills, as the cashier's monthly runs would make them. */
async function seedBills(tx: Prisma.TransactionClient, communityId: string, cashierId: string) {
  const property = await tx.feeItem.create({
    data: { communityId, kind: 'PROPERTY', name: '物业服务费', amountFen: 235, cycle: 'MONTH' },
  });
  const parking = await tx.feeItem.create({
    data: { communityId, kind: 'PARKING', name: '车位管理费', amountFen: 15_000, cycle: 'MONTH' },
  });
  const units = await tx.unit.findMany({
    where: { communityId },
    select: { id: true, buildingArea: true, deliveredAt: true, building: { select: { buildingType: true } } },
  });
  const spaces = await tx.parkingSpace.findMany({
    where: { communityId, unitId: { not: null } },
    select: { id: true, number: true, unitId: true },
  });
  for (const label of ['2026-09', '2026-10', '2026-11']) {
    const lines = [
      ...billLines(
        parsePeriod(label)!,
        [property, parking],
        units.map((u) => ({
          id: u.id,
          buildingArea: u.buildingArea,
          deliveredAt: u.deliveredAt,
          buildingType: u.building.buildingType,
        })),
        spaces.map((p) => ({ id: p.id, number: p.number, unitId: p.unitId! })),
      ),
    ];
    const runId = randomUUID();
    await tx.bill.createMany({
      data: lines.map((l) => ({ ...l, id: randomUUID(), communityId, period: label, runId })),
    });
    await tx.billingRun.create({
      data: {
        id: runId,
        communityId,
        period: label,
        createdById: cashierId,
        billCount: lines.length,
        totalFen: BigInt(lines.reduce((s, l) => s + l.amountFen, 0)),
      },
    });
  }
}

const CHANNELS = ['CASH', 'TRANSFER', 'POS', 'CASH'] as const;

/**
 * A history for the reports to show: outside 1号楼 (left as the E2E journeys expect it), most owners
 * paid September at the desk during October and about half paid October during November — each
 * building a little differently. Recorded as the counter would: bills paid, one receipt per unit and
 * month from the community's series in time order, ledger entries naming the payment.
 */
async function seedCounterPayments(tx: Prisma.TransactionClient, communityId: string, cashierId: string) {
  const bills = await tx.bill.findMany({
    where: {
      communityId,
      payer: 'OWNER',
      period: { in: ['2026-09', '2026-10'] },
      unit: { building: { sortOrder: { gt: 1 } } },
    },
    select: {
      id: true,
      unitId: true,
      period: true,
      amountFen: true,
      unit: { select: { number: true, building: { select: { sortOrder: true } } } },
    },
    orderBy: [{ unit: { building: { sortOrder: 'asc' } } }, { unit: { number: 'asc' } }, { period: 'asc' }],
  });
  const groups = new Map<string, typeof bills>();
  for (const b of bills) groups.set(`${b.period}|${b.unitId}`, [...(groups.get(`${b.period}|${b.unitId}`) ?? []), b]);
  const payments = [...groups.values()].flatMap((group, i) => {
    const { period, unit } = group[0]!;
    const share = period === '2026-09' ? 0.9 - unit.building.sortOrder * 0.05 : 0.75 - unit.building.sortOrder * 0.08;
    if (((i * 37) % 100) / 100 >= share) return [];
    const day = 1 + ((i * 7) % 27);
    const takenAt = new Date(
      `${period === '2026-09' ? '2026-10' : '2026-11'}-${String(day).padStart(2, '0')}T0${1 + (i % 8)}:15:00Z`,
    );
    return [{ group, takenAt, channel: CHANNELS[i % CHANNELS.length]! }];
  });
  payments.sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime());
  for (const { group, takenAt, channel } of payments) {
    const amountFen = group.reduce((s, b) => s + b.amountFen, 0);
    const payment = await tx.counterPayment.create({
      data: {
        communityId,
        unitId: group[0]!.unitId,
        channel,
        amountFen,
        takenById: cashierId,
        takenAt,
        receiptNo: await takeReceiptNo(tx, communityId, takenAt),
        items: { create: group.map((b) => ({ billId: b.id, amountFen: b.amountFen })) },
      },
    });
    for (const b of group)
      await tx.bill.update({ where: { id: b.id }, data: { state: 'PAID', paidFen: b.amountFen, paidAt: takenAt } });
    await tx.ledgerEntry.createMany({
      data: group.map((b) => ({
        communityId,
        kind: 'COUNTER_PAYMENT' as const,
        billId: b.id,
        amountFen: b.amountFen,
        actorId: cashierId,
        at: takenAt,
        counterPaymentId: payment.id,
        note: `${channel} ${payment.receiptNo}`,
      })),
    });
  }
}

async function summary(db: PrismaClient, companyId: string) {
  const communities = await db.community.findMany({
    where: { companyId },
    select: { name: true, _count: { select: { buildings: true, units: true, parking: true } } },
    orderBy: { name: 'asc' },
  });
  return {
    company: DEMO_COMPANY,
    communities: communities.map((c) => ({
      name: c.name,
      buildings: c._count.buildings,
      units: c._count.units,
      parking: c._count.parking,
    })),
    rosterEntries: await db.ownerRosterEntry.count({ where: { unit: { community: { companyId } } } }),
    demoUsers: Object.values(DEMO_OPENIDS),
  };
}
