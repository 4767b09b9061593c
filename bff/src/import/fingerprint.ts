import type { Prisma } from '@prisma/client';
import type { Db } from '../db.js';

/**
 * A digest of everything an import reads and writes in one community — buildings, units, the owner
 * roster of its units, parking — each row as a JSON array (so NULL and '' differ), in id order. The
 * dry run stores it; applying recomputes it in its transaction and refuses when it moved, so a plan
 * is never written over data it did not see. md5 detects change here; it guards nothing secret.
 */
export async function fingerprint(db: Db | Prisma.TransactionClient, communityId: string): Promise<string> {
  const rows = await db.$queryRaw<{ fp: string }[]>`
    SELECT md5(concat_ws('#',
      (SELECT string_agg(json_build_array(b.id, b.name, b."buildingType")::text, ',' ORDER BY b.id)
         FROM "Building" b WHERE b."communityId" = ${communityId}::uuid),
      (SELECT string_agg(json_build_array(u.id, u."buildingId", u.number, u.floor, u."buildingArea", u."exclusiveArea",
                                          u."areaSource", u."deliveredAt")::text, ',' ORDER BY u.id)
         FROM "Unit" u WHERE u."communityId" = ${communityId}::uuid),
      (SELECT string_agg(json_build_array(r.id, r."unitId", r.name, r.phone, r.relation)::text, ',' ORDER BY r.id)
         FROM "OwnerRosterEntry" r JOIN "Unit" u ON u.id = r."unitId" WHERE u."communityId" = ${communityId}::uuid),
      (SELECT string_agg(json_build_array(p.id, p.number, p.kind, p.area, p."unitId")::text, ',' ORDER BY p.id)
         FROM "ParkingSpace" p WHERE p."communityId" = ${communityId}::uuid),
      (SELECT string_agg(json_build_array(f.id, f.name, f.active)::text, ',' ORDER BY f.id)
         FROM "FeeItem" f WHERE f."communityId" = ${communityId}::uuid)
    )) AS fp`;
  return rows[0]!.fp;
}
