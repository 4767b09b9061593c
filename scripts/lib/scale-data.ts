import type pg from 'pg';

/**
 * A property company at scale (#28, `BENCH_ONLY=scale`), generated inside PostgreSQL: every row comes
 * from generate_series in INSERT … SELECT, so nothing crosses the wire (server-side, the fastest bulk
 * path there is — COPY would first ship the same rows from this process). One community is `big`
 * units (the 20,000-unit one the arrears export reads); the rest share the remaining units evenly.
 * Each unit gets a monthly property-fee bill for each of the `months` months before `month`, most of
 * them paid, with a WeChat payment in the ledger for each paid one.
 */
export type ScaleSize = { communities: number; units: number; big: number; months: number };
export type ScaleCompany = { companyId: string; bigId: string; communityIds: string[] };

/** The size asked for by SCALE_UNITS / SCALE_COMMUNITIES (default 500 communities, 1,000,000 units). */
export function scaleSize(env: NodeJS.ProcessEnv = process.env): ScaleSize {
  const units = Number(env.SCALE_UNITS ?? 1_000_000);
  const communities = Number(env.SCALE_COMMUNITIES ?? 500);
  const big = Math.min(20_000, Math.floor(units / 5));
  if (!(communities >= 2 && units >= communities * 2)) throw new Error(`scale: ${units} units for ${communities}`);
  return { communities, units, big, months: Number(env.SCALE_MONTHS ?? 12) };
}

/** Units of community k (0 is the big one): the rest split evenly, the first ones taking the remainder. */
export function unitsOf(size: ScaleSize, k: number): number {
  if (k === 0) return size.big;
  const rest = size.units - size.big;
  const n = size.communities - 1;
  return Math.floor(rest / n) + (k - 1 < rest % n ? 1 : 0);
}

/** 'YYYY-MM' months before `month`, oldest first. */
export function monthsBefore(month: string, count: number): string[] {
  const k = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
  return Array.from({ length: count }, (_, i) => {
    const n = k - count + i;
    return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
  });
}

/**
 * Who has not paid (a unit's hash h in 0..99 and the bill's age in months, 1 = last month): 3 % of units
 * never pay, 10 % owe the last quarter, 40 % last month — the arrears list of a large community has
 * thousands of rows, and a collection rate of about 90 %.
 */
const UNPAID = `(h < 3 OR (h < 10 AND age <= 3) OR (h < 40 AND age = 1))`;

/**
 * Writes the company. Foreign-key triggers are skipped for the load (session_replication_role =
 * replica: the rows are consistent by construction, and a key check per row would double the time);
 * the months table the skipped statement trigger "Bill_months_add" keeps is written with its own SQL.
 */
export async function generateCompany(
  connect: () => Promise<pg.Client>,
  size: ScaleSize,
  month: string,
  log: (msg: string) => void = () => {},
  concurrency = 1,
): Promise<ScaleCompany> {
  const months = monthsBefore(month, size.months);
  const clients = await Promise.all(Array.from({ length: concurrency }, connect));
  try {
    const first = clients[0]!;
    const companyId = (
      await first.query<{ id: string }>(
        `INSERT INTO "PropertyCompany" ("id", "name") VALUES (gen_random_uuid(), '规模压测物业') RETURNING "id"`,
      )
    ).rows[0]!.id;
    await first.query(
      `INSERT INTO "Community" ("id", "companyId", "name", "address")
       SELECT gen_random_uuid(), $1, '规模小区' || lpad(k::text, 4, '0'), '规模路' || (k + 1) || '号'
         FROM generate_series(0, $2 - 1) AS k`,
      [companyId, size.communities],
    );
    const communityIds = (
      await first.query<{ id: string }>(`SELECT "id" FROM "Community" WHERE "companyId" = $1 ORDER BY "name"`, [
        companyId,
      ])
    ).rows.map((r) => r.id);
    let next = 0;
    await Promise.all(
      clients.map(async (client) => {
        await client.query(`SET session_replication_role = replica`);
        for (let k = next++; k < size.communities; k = next++) {
          const t0 = performance.now();
          await communityRows(client, communityIds[k]!, unitsOf(size, k), months);
          if (k % 50 === 0 || k === size.communities - 1)
            log(
              `scale: community ${k + 1}/${size.communities} (${unitsOf(size, k)} units) in ${Math.round(performance.now() - t0)} ms`,
            );
        }
      }),
    );
    return { companyId, bigId: communityIds[0]!, communityIds };
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}

/** One community: buildings of 100 units, its units, a property fee, a year of bills, their months and ledger. */
async function communityRows(client: pg.Client, id: string, n: number, months: string[]) {
  await client.query(
    `INSERT INTO "Building" ("id", "communityId", "name", "sortOrder")
     SELECT gen_random_uuid(), $1, b || '号楼', b FROM generate_series(1, ($2 + 99) / 100) AS b`,
    [id, n],
  );
  // Areas from 60 to 149.99 m², delivered years ago: every month is the owner's.
  await client.query(
    `INSERT INTO "Unit" ("id", "communityId", "buildingId", "number", "floor", "buildingArea", "exclusiveArea", "deliveredAt")
     SELECT gen_random_uuid(), $1, bd."id", (100 * (1 + (i % 100) / 4) + 1 + i % 4)::text, 1 + (i % 100) / 4,
            60 + (i * 7919 % 9000) / 100.0, 50 + (i * 7919 % 9000) / 120.0, '2021-06-30'
       FROM generate_series(0, $2 - 1) AS i JOIN "Building" bd ON bd."communityId" = $1 AND bd."sortOrder" = 1 + i / 100`,
    [id, n],
  );
  const item = (
    await client.query<{ id: string }>(
      `INSERT INTO "FeeItem" ("id", "communityId", "kind", "name", "amountFen", "cycle")
       VALUES (gen_random_uuid(), $1, 'PROPERTY', '物业服务费', 235, 'MONTH') RETURNING "id"`,
      [id],
    )
  ).rows[0]!.id;
  // One run per month, as the cashier made them; h is a stable per-unit hash for who pays.
  await client.query(
    `WITH runs AS (
       INSERT INTO "BillingRun" ("id", "communityId", "period", "createdById", "billCount", "totalFen", "createdAt")
       SELECT gen_random_uuid(), $1, m, gen_random_uuid(), $3, 0, (m || '-01')::timestamp - interval '8 hours'
         FROM unnest($2::text[]) AS m RETURNING "id", "period")
     INSERT INTO "Bill" ("id", "communityId", "unitId", "feeItemId", "slot", "period", "firstMonth", "months", "payer",
                         "amountFen", "detail", "dueAt", "runId", "createdAt", "state", "paidFen", "paidAt")
     SELECT gen_random_uuid(), $1, u."id", $4, 'PROPERTY', r."period", r."period", 1, 'OWNER', fen,
            u."buildingArea" || '㎡ × 2.35元/㎡·月', due, r."id", due - interval '1 month',
            CASE WHEN ${UNPAID} THEN 'UNPAID' ELSE 'PAID' END::"BillState",
            CASE WHEN ${UNPAID} THEN 0 ELSE fen END,
            CASE WHEN ${UNPAID} THEN NULL ELSE due - interval '1 month' + (h % 28) * interval '1 day' + interval '3 hours' END
       FROM "Unit" u CROSS JOIN runs r,
            LATERAL (SELECT round(u."buildingArea" * 235)::int AS fen,
                            (r."period" || '-01')::timestamp + interval '1 month' - interval '8 hours' AS due,
                            abs(hashtext(u."id"::text)) % 100 AS h,
                            array_length($2::text[], 1) - array_position($2::text[], r."period") + 1 AS age) x
      WHERE u."communityId" = $1`,
    [id, months, n, item],
  );
  await client.query(
    `INSERT INTO "BillMonth" ("unitId", "slot", "spaceKey", "month", "billId")
     SELECT "unitId", "slot", '00000000-0000-0000-0000-000000000000', bill_month_number("firstMonth"), "id"
       FROM "Bill" WHERE "communityId" = $1`,
    [id],
  );
  await client.query(
    `INSERT INTO "LedgerEntry" ("communityId", "kind", "billId", "amountFen", "at")
     SELECT $1, 'WECHAT_PAYMENT', "id", "paidFen", "paidAt" FROM "Bill" WHERE "communityId" = $1 AND "state" = 'PAID'`,
    [id],
  );
}
