import { randomUUID } from 'node:crypto';
import { sendEach } from './cannon.js';
import { DEMO_OPENIDS } from '../../prisma/seed.js';
import type { startStack } from '../../tests/support/harness.js';
import { tallyElection } from '../../bff/src/elections/lifecycle.js';

type Stack = Awaited<ReturnType<typeof startStack>>;
const print = (name: string, value: number, unit: string) => process.stdout.write(`BENCH ${name} ${value} ${unit}\n`);

/** A community of `units` delivered units (areas with two decimals) and an election on it in `state`, its roster snapshot written. */
async function electionOf(stack: Stack, units: number, candidates: number, seats: number, state: 'OPEN' | 'CLOSED') {
  const company = await stack.db.propertyCompany.findFirstOrThrow();
  const community = await stack.db.community.create({
    data: { companyId: company.id, name: `选举压测${randomUUID().slice(0, 6)}`, address: '压测路2号' },
  });
  const building = await stack.db.building.create({ data: { communityId: community.id, name: '1号楼' } });
  await stack.db.$executeRawUnsafe(`
    INSERT INTO "Unit" ("id", "communityId", "buildingId", "number", "floor", "buildingArea", "exclusiveArea", "deliveredAt")
    SELECT gen_random_uuid(), '${community.id}', '${building.id}', lpad(i::text, 6, '0'), 1 + i % 30, 100 + (i % 70) + (i % 97) / 100.0, 80 + (i % 60) + (i % 89) / 100.0, now()
      FROM generate_series(1, ${units}) AS i`);
  const committee = await stack.db.user.findFirstOrThrow({
    where: { identities: { some: { openid: DEMO_OPENIDS.committee } } },
  });
  await stack.db.staffRole.create({
    data: { userId: committee.id, companyId: company.id, communityId: community.id, role: 'COMMITTEE_MEMBER' },
  });
  const election = await stack.db.election.create({
    data: {
      communityId: community.id,
      title: '压测选举',
      kind: 'ELECTION',
      class: 'ORDINARY',
      seats,
      state,
      closesAt: new Date(Date.now() + 86_400_000),
      createdById: committee.id,
      createdAt: new Date(),
      openedAt: new Date(),
    },
  });
  await stack.db.electionCandidate.createMany({
    data: Array.from({ length: candidates }, (_, i) => ({
      electionId: election.id,
      name: `候选人${i + 1}`,
      sex: '男',
      age: 40,
      affiliation: '群众',
      occupation: '职员',
      sortOrder: i,
    })),
  });
  // Owner keys: one person per unit, except every 50th unit belongs to the owner of the unit before it.
  await stack.db.$executeRawUnsafe(`
    INSERT INTO "ElectionRosterEntry" ("electionId", "unitId", "unitLabel", "area", "areaSource", "ownerKey", "developerHeld")
    SELECT '${election.id}', u."id", '1号楼 ' || u."number", u."exclusiveArea", 'REGISTERED', 'bench_' || (u."number"::int - CASE WHEN u."number"::int % 50 = 0 THEN 1 ELSE 0 END), false
      FROM "Unit" u WHERE u."communityId" = '${community.id}'`);
  const candidateIds = (
    await stack.db.electionCandidate.findMany({ where: { electionId: election.id }, orderBy: { sortOrder: 'asc' } })
  ).map((c) => c.id);
  return { election, community, committee, candidateIds };
}

/** tally_20k_ms (#11: < 1 s): 20,000 units, 15 candidates, 9 seats, 15,000 ballots — the tally step as the committee runs it (roster and ballots read, counted, stored). */
export async function benchTally(stack: Stack) {
  const { election, committee, candidateIds } = await electionOf(stack, 20_000, 15, 9, 'CLOSED');
  await stack.db.$executeRawUnsafe(
    `
    INSERT INTO "Ballot" ("id", "electionId", "ownerKey", "channel", "choices", "receiptHash", "userId", "castAt")
    SELECT gen_random_uuid(), '${election.id}', k, 'ONLINE', ARRAY(SELECT ($1::text[])[1 + (j * 7 + length(k)) % 15] FROM generate_series(1, 1 + abs(hashtext(k)) % 9) AS j), md5(k), '${committee.id}', now()
      FROM (SELECT DISTINCT "ownerKey" AS k FROM "ElectionRosterEntry" WHERE "electionId" = '${election.id}' ORDER BY 1 LIMIT 15000) keys`,
    candidateIds,
  );
  const ballots = await stack.db.ballot.count({ where: { electionId: election.id } });
  if (ballots !== 15_000) throw new Error(`tally bench: ${ballots} ballots`);
  const t0 = performance.now();
  const done = await tallyElection(stack.deps, committee.id, election.id);
  const ms = performance.now() - t0;
  if (done.state !== 'TALLIED' || !done.result || done.result.participatingHeads !== 15_000)
    throw new Error(`tally bench: ${JSON.stringify(done.result)?.slice(0, 300)}`);
  print('tally_20k_ms', Math.round(ms), 'ms');
}

/** ballot_rps (#11: ≥ 300): distinct voters, each casting their one ballot, 50 connections. */
export async function benchBallots(stack: Stack) {
  const voters = Number(process.env.BENCH_VOTERS ?? 6000);
  const { election, community, candidateIds } = await electionOf(stack, voters, 9, 3, 'OPEN');
  const units = await stack.db.unit.findMany({
    where: { communityId: community.id },
    select: { id: true },
    orderBy: { number: 'asc' },
  });
  const prefix = String(Math.floor(Math.random() * 90) + 10);
  const users = units.map((_, i) => ({
    id: randomUUID(),
    openid: `o_voter_${randomUUID().slice(0, 12)}`,
    phone: `+86199${prefix}${String(i).padStart(6, '0')}`,
  }));
  await stack.db.user.createMany({ data: users.map((u) => ({ id: u.id, phone: u.phone })) });
  // Who may vote is frozen with the roster by phone (docs/domain.md §5, The roster), not by membership.
  await stack.db.electionVoter.createMany({
    data: users.map((u, i) => ({ electionId: election.id, unitId: units[i]!.id, phone: u.phone, at: new Date() })),
  });
  await stack.db.wechatIdentity.createMany({
    data: users.map((u) => ({ userId: u.id, appid: stack.deps.config.wechat.appid, openid: u.openid })),
  });
  await stack.db.unitMembership.createMany({
    data: users.map((u, i) => ({
      userId: u.id,
      unitId: units[i]!.id,
      relation: 'OWNER' as const,
      status: 'VERIFIED' as const,
    })),
  });
  // Every 50th unit shares its owner key with the one before: give those owners' second unit to nobody voting.
  const tokens: string[] = [];
  for (const [i, u] of users.entries())
    if ((i + 1) % 50 !== 0) tokens.push(await stack.deps.sessions.create({ userId: u.id, openid: u.openid }, 'bench'));
  const body = JSON.stringify({ choices: [candidateIds[0], candidateIds[1]] });
  const { rps, result } = await sendEach(`${stack.url}/api/elections/${election.id}/ballots`, tokens.length, (i) => ({
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[i]}` },
    body,
  }));
  const counted = await stack.db.ballot.count({ where: { electionId: election.id } });
  if (counted !== tokens.length) throw new Error(`ballots: ${counted} of ${tokens.length} counted`);
  print('ballot_rps', rps, 'req/s');
  print('ballot_p99_ms', result.latency.p99, 'ms');
}
