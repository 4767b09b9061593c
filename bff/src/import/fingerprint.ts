import type { Sql } from './apply.js';

/**
 * A digest of everything an import reads and writes in one community — buildings, units, the owner
 * roster of its units, parking (retired or not), its recorded transfers, the fee items opening arrears are matched to by name, the
 * community's own retirement — each row as a JSON array (so NULL and '' differ), in id order. The
 * dry run stores it; applying recomputes it in its transaction and refuses when it moved, so a plan
 * is never written over data it did not see. md5 detects change here; it guards nothing secret.
 */
const FINGERPRINT = `
  SELECT md5(concat_ws('#',
    (SELECT string_agg(json_build_array(b.id, b.name, b."buildingType", b."retiredAt")::text, ',' ORDER BY b.id)
       FROM "Building" b WHERE b."communityId" = $1::uuid),
    (SELECT string_agg(json_build_array(u.id, u."buildingId", u.number, u.floor, u."buildingArea", u."exclusiveArea",
                                        u."areaSource", u."deliveredAt", u."retiredAt")::text, ',' ORDER BY u.id)
       FROM "Unit" u WHERE u."communityId" = $1::uuid),
    (SELECT string_agg(json_build_array(r.id, r."unitId", r.name, r.phone, r.relation)::text, ',' ORDER BY r.id)
       FROM "OwnerRosterEntry" r JOIN "Unit" u ON u.id = r."unitId" WHERE u."communityId" = $1::uuid),
    (SELECT string_agg(json_build_array(p.id, p.number, p.kind, p.area, p."unitId", p."retiredAt")::text, ',' ORDER BY p.id)
       FROM "ParkingSpace" p WHERE p."communityId" = $1::uuid),
    (SELECT string_agg(json_build_array(f.id, f.name, f."buildingType", f.active)::text, ',' ORDER BY f.id)
       FROM "FeeItem" f WHERE f."communityId" = $1::uuid),
    (SELECT string_agg(json_build_array(t.id, t."unitId", t."onDate")::text, ',' ORDER BY t.id)
       FROM "OwnershipTransfer" t WHERE t."communityId" = $1::uuid),
    (SELECT json_build_array(c."retiredAt")::text FROM "Community" c WHERE c.id = $1::uuid)
  )) AS fp`;

export async function fingerprint(sql: Pick<Sql, 'query'>, communityId: string): Promise<string> {
  const { rows } = await sql.query(FINGERPRINT, [communityId]);
  return String(rows[0]!.fp);
}
