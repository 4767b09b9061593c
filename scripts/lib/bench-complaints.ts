import { DEMO_OPENIDS } from '../../prisma/seed.js';
import type { startStack } from '../../tests/support/harness.js';
import { sweepComplaintClocks } from '../../bff/src/complaints/sweep.js';

type Stack = Awaited<ReturnType<typeof startStack>>;
const print = (name: string, value: number, unit: string) => process.stdout.write(`BENCH ${name} ${value} ${unit}\n`);

/**
 * One clock sweep over 100,000 open complaints of which 1 % have a clock passed (target < 500 ms), as
 * `sla_sweep_ms` does for repairs: half wait for triage, half for the first contact.
 */
export async function benchComplaintSweep(stack: Stack) {
  const open = Number(process.env.BENCH_OPEN_COMPLAINTS ?? 100_000);
  const due = Math.round(open / 100);
  const owner = await stack.db.user.findFirstOrThrow({
    where: { identities: { some: { openid: DEMO_OPENIDS.owner } } },
    include: { memberships: { where: { status: 'VERIFIED' }, take: 1, include: { unit: true } } },
  });
  const unit = owner.memberships[0]!.unit;
  await stack.db.$executeRaw`
    INSERT INTO "Complaint" ("id", "communityId", "unitId", "residentId", "filedById", "channel", "kind", "category", "text",
                             "status", "triagedAt", "triageDueAt", "contactDueAt", "nextDueAt", "filedAt", "updatedAt")
    SELECT gen_random_uuid(), ${unit.communityId}::uuid, ${unit.id}::uuid, ${owner.id}::uuid, ${owner.id}::uuid, 'APP', 'COMPLAINT', '噪音扰民', '楼上装修太吵',
           CASE WHEN i % 2 = 0 THEN 'SUBMITTED' ELSE 'TRIAGED' END::"ComplaintStatus", CASE WHEN i % 2 = 0 THEN NULL ELSE now() END,
           d, CASE WHEN i % 2 = 0 THEN NULL ELSE d END, d, now(), now()
      FROM generate_series(1, ${open}) AS i,
           LATERAL (SELECT CASE WHEN i <= ${due} THEN now() - interval '1 minute' ELSE now() + (i % 1440 + 1) * interval '1 minute' END AS d) t`;
  await stack.db.$executeRawUnsafe('ANALYZE "Complaint"');
  const t0 = performance.now();
  const swept = await sweepComplaintClocks(stack.deps);
  const ms = performance.now() - t0;
  if (swept.subjects !== due || swept.breaches !== due)
    throw new Error(`complaint sweep: ${JSON.stringify(swept)}, expected ${due}`);
  print('complaint_sweep_ms', Math.round(ms), 'ms');
}
