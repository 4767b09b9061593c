import { randomBytes } from 'node:crypto';
import type { MemberRelation, StaffRoleKind } from '@prisma/client';
import type { Db } from '../../../bff/src/db.js';
import { normaliseImportedPhone } from '../../../bff/src/privacy/phone.js';

const uniq = () => randomBytes(4).toString('hex');
let phoneSeq = 0;

/** The E.164 form of a mainland number as uniquePhone() gives it. */
export const cn = (national: string) => `+86${national}`;

/** A unique mainland mobile number (national digits, as WeChat's purePhoneNumber) for this process. */
export function uniquePhone(): string {
  phoneSeq += 1;
  return `13${String(process.pid % 10)}${String(Date.now() % 100000).padStart(5, '0')}${String(phoneSeq).padStart(3, '0')}`.slice(
    0,
    11,
  );
}

/** `id`: an explicit community id (e.g. two sharing their first characters); the code comes from the database. */
export async function makeCommunity(db: Db, opts: { companyId?: string; units?: number; id?: string } = {}) {
  const companyId = opts.companyId ?? (await db.propertyCompany.create({ data: { name: `测试物业${uniq()}` } })).id;
  const community = await db.community.create({
    data: { id: opts.id, companyId, name: `测试小区${uniq()}`, address: '测试路1号' },
  });
  const building = await db.building.create({ data: { communityId: community.id, name: '1号楼' } });
  const units = [];
  for (let i = 0; i < (opts.units ?? 3); i++) {
    units.push(
      await db.unit.create({
        data: {
          communityId: community.id,
          buildingId: building.id,
          number: `${i + 1}01`,
          floor: i + 1,
          buildingArea: '98.60',
          exclusiveArea: '80.15',
        },
      }),
    );
  }
  return { companyId, community, building, units };
}

export async function addRosterOwner(
  db: Db,
  unitId: string,
  phone: string,
  name = '张三',
  relation: MemberRelation = 'OWNER',
) {
  return db.ownerRosterEntry.create({ data: { unitId, phone: normaliseImportedPhone(phone), name, relation } });
}

/** A user known by a WeChat openid, so tests can log in as them through the simulator. */
export async function makeUser(db: Db, appid: string, opts: { name?: string; phone?: string } = {}) {
  const openid = `o_${uniq()}${uniq()}`;
  const user = await db.user.create({
    data: {
      name: opts.name ?? null,
      phone: opts.phone ? normaliseImportedPhone(opts.phone) : null,
      identities: { create: { appid, openid } },
    },
  });
  return { ...user, openid };
}

export async function grantRole(
  db: Db,
  userId: string,
  companyId: string,
  role: StaffRoleKind,
  communityId: string | null,
  canRevealPii = false,
) {
  return db.staffRole.create({ data: { userId, companyId, communityId, role, canRevealPii } });
}
