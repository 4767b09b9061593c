import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { useHarness } from './support/use-harness.js';
import type { Actor } from './support/actors.js';
import {
  atDeadline,
  confirmRoster,
  DAY,
  draftElection,
  electionSite,
  NOTICE_PERIOD,
  openElection,
  outsiderResident,
  SURVEYED_501,
  type ElectionSite,
} from './support/factories/index.js';
import { multipart, phonePhoto } from './support/images.js';
import { tally } from '../bff/src/elections/tally.js';
import { ManualClock } from '../bff/src/clock.js';

/**
 * A committee election (#11) through the API, as the committee and the owners do it: draft, candidates,
 * publication with the roster (corrected once), opening (roster frozen), online votes, a paper ballot,
 * close, tally, publication — with the Civil Code's count and the database's one-ballot rule.
 * Each test makes the community and the election it starts from (support/factories/elections.ts):
 * 101 … 601 of 80.15 m², 601 still the developer's; ownerA and coOwner share 101, multi owns
 * 201–401, ownerE owns 501.
 */
const clock = new ManualClock(new Date('2026-03-02T01:00:00Z'));
// Votes run over weeks of the test's clock (15 days' notice, then voting): sessions outlive that.
const YEAR = String(365 * 86_400);
const h = useHarness({ clock, env: { SESSION_TTL_SECONDS: YEAR, SESSION_MAX_AGE_SECONDS: YEAR } });
const inDays = (n: number) => new Date(clock.now().getTime() + n * DAY).toISOString();

const vote = (who: Actor, choices: string[], id: string) =>
  who.call('POST', `/api/elections/${id}/ballots`, { body: { choices } });
const stepOf = (committee: Actor, id: string) => (name: string) =>
  committee.call('POST', `/api/committee/elections/${id}/steps/${name}`);
const uploadPhoto = async (committee: Actor, size: { width: number; height: number }) => {
  const { body, contentType } = multipart(await phonePhoto(size));
  return (await committee.call('POST', '/api/uploads', { raw: body, headers: { 'content-type': contentType } })).body
    .id as string;
};

describe('running an election', () => {
  let site: ElectionSite;
  beforeAll(async () => {
    site = await electionSite(h);
  });

  it('draft: seats odd and at least 3 (≤ 10,000 m²); candidates with their particulars; only the committee', async () => {
    const { A, committee, ownerA } = site;
    const body = {
      title: '第三届业主委员会选举',
      kind: 'ELECTION',
      seats: 3,
      closesAt: inDays(30),
    };
    expect(
      (
        await committee.call('POST', `/api/committee/communities/${A.community.id}/elections`, {
          body: { ...body, seats: 4 },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await committee.call('POST', `/api/committee/communities/${A.community.id}/elections`, {
          body: { ...body, seats: 1 },
        })
      ).body.details,
    ).toEqual([{ path: 'seats', message: '至少 3 人' }]);
    expect((await ownerA.call('POST', `/api/committee/communities/${A.community.id}/elections`, { body })).status).toBe(
      404,
    );
    const created = await committee.call('POST', `/api/committee/communities/${A.community.id}/elections`, { body });
    expect(created.status).toBe(201);
    const electionId = created.body.id;
    const photoId = await uploadPhoto(committee, { width: 300, height: 400 });
    for (const name of ['张三', '李四', '王五', '赵六']) {
      const c = await committee.call('POST', `/api/committee/elections/${electionId}/candidates`, {
        body: {
          name,
          sex: '男',
          age: 45,
          affiliation: '群众',
          occupation: '教师',
          statement: '愿为小区服务',
          ...(name === '张三' ? { photoUploadId: photoId } : {}),
        },
      });
      expect(c.status).toBe(201);
    }
    const { candidates } = (await committee.call('GET', `/api/committee/elections/${electionId}`)).body;
    expect(candidates.map((c: { name: string }) => c.name)).toEqual(['张三', '李四', '王五', '赵六']);
    // Residents see nothing of a draft.
    expect((await ownerA.call('GET', `/api/elections/${electionId}`)).status).toBe(404);
  });

  it('publication posts the roster (correctable until opening) and the candidates (no longer editable); opening freezes both', async () => {
    const { A, committee } = site;
    const { id: electionId } = await draftElection(h, committee, A.community.id);
    const step = stepOf(committee, electionId);
    expect((await step('open')).status).toBe(409); // not published yet
    expect((await step('publish')).body).toMatchObject({ state: 'PUBLISHED', rosterUnits: 6 });
    expect(
      (
        await committee.call('POST', `/api/committee/elections/${electionId}/candidates`, {
          body: { name: '钱七', sex: '女', age: 50, affiliation: '群众', occupation: '退休' },
        })
      ).status,
    ).toBe(409);
    const correction = SURVEYED_501;
    expect(
      (
        await committee.call('PUT', `/api/committee/elections/${electionId}/roster/${A.units[4]!.id}`, {
          body: correction,
        })
      ).status,
    ).toBe(200);
    clock.advance(NOTICE_PERIOD);
    await confirmRoster(committee, electionId);
    expect((await step('open')).body).toMatchObject({
      state: 'OPEN',
      turnout: { totalArea: '491.25', totalHeads: 4, participatingHeads: 0 },
    }); // 101; 201–401 one owner; 501; the developer's 601
    const late = await committee.call('PUT', `/api/committee/elections/${electionId}/roster/${A.units[4]!.id}`, {
      body: { ...correction, area: '100.00' },
    });
    expect(late).toMatchObject({ status: 409, body: { message: '投票开始后名册已冻结，不能再修改' } });
    expect((await step('open')).status).toBe(409);
    // Changing the unit itself now changes nothing in the vote.
    await h.db.unit.update({ where: { id: A.units[0]!.id }, data: { exclusiveArea: '500.00' } });
    expect(
      await h.db.notice.count({ where: { category: 'COMMITTEE', targets: { some: { communityId: A.community.id } } } }),
    ).toBe(2); // the publication and the opening
  });
});

describe('voting', () => {
  it('200 parallel submissions for one owner: exactly one ballot, the rest "already voted"; a co-owner sees it cast', async () => {
    const { A, committee, ownerA, coOwner } = await electionSite(h);
    const { id: electionId, ids } = await openElection(h, committee, A.community.id);
    const answers = await Promise.all(
      Array.from({ length: 200 }, () => vote(ownerA, ids('张三', '李四', '王五'), electionId)),
    );
    expect(answers.filter((r) => r.status === 201)).toHaveLength(1);
    expect(answers.filter((r) => r.status === 409 && r.body.code === 'ALREADY_VOTED')).toHaveLength(199);
    const receipt = answers.find((r) => r.status === 201)!.body.receipt;
    expect(receipt).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(await h.db.ballot.count({ where: { electionId } })).toBe(1);
    expect((await ownerA.call('GET', `/api/elections/${electionId}/receipts/${receipt}`)).body).toMatchObject({
      counted: true,
    });
    expect((await ownerA.call('GET', `/api/elections/${electionId}/receipts/AAAA-BBBB-CCCC`)).body.counted).toBe(false);

    const seen = await coOwner.call('GET', `/api/elections/${electionId}`);
    expect(seen.body.slots).toEqual([expect.objectContaining({ units: ['1号楼 101'], voted: true, byMe: false })]);
    expect((await vote(coOwner, ids('赵六'), electionId)).body.code).toBe('ALREADY_VOTED');
  });

  it('one person with three units votes once; choices are checked; other communities see nothing', async () => {
    const { A, committee, multi, ownerE } = await electionSite(h);
    const outsider = await outsiderResident(h);
    const photoId = await uploadPhoto(committee, { width: 300, height: 400 });
    const { id: electionId, ids } = await openElection(h, committee, A.community.id, { photoUploadId: photoId });
    expect((await vote(multi, ids('张三', '李四', '王五', '赵六'), electionId)).body.message).toBe('最多选 3 人');
    expect((await vote(multi, ['not-a-candidate'], electionId)).status).toBe(400);
    expect((await vote(multi, ids('张三', '李四'), electionId)).status).toBe(201);
    expect((await vote(multi, ids('张三'), electionId)).body.code).toBe('ALREADY_VOTED');
    expect((await outsider.call('GET', `/api/elections/${electionId}`)).status).toBe(404);
    expect((await vote(outsider, ids('张三'), electionId)).status).toBe(404);
    expect((await outsider.call('GET', '/api/elections')).body.items).toEqual([]);
    // The candidate's posted photo: for the community's owners once its content check passed, not for others.
    expect((await multi.call('GET', `/api/uploads/${photoId}`)).status).toBe(404); // WeChat has not answered yet
    await h.db.mediaCheck.updateMany({ where: { uploadId: photoId }, data: { status: 'PASS' } }); // as its verdict would
    expect((await multi.call('GET', `/api/uploads/${photoId}`)).status).toBe(200);
    expect((await outsider.call('GET', `/api/uploads/${photoId}`)).status).toBe(404);
    expect((await ownerE.call('GET', '/api/elections')).body.items).toEqual([
      expect.objectContaining({ id: electionId, voted: false, state: 'OPEN' }),
    ]);
  });

  it('a paper ballot for someone who has not voted counts; for someone who voted online it is refused', async () => {
    const { A, committee, ownerA, ownerE } = await electionSite(h);
    const { id: electionId, ids } = await openElection(h, committee, A.community.id);
    expect((await vote(ownerA, ids('张三', '李四', '王五'), electionId)).status).toBe(201); // 101 votes online
    const evidence = await uploadPhoto(committee, { width: 600, height: 400 });
    const paper = (unit: { id: string }) =>
      committee.call('POST', `/api/committee/elections/${electionId}/paper-ballots`, {
        body: { unitId: unit.id, channel: 'PAPER', choices: ids('张三'), evidenceUploadId: evidence },
      });
    expect((await paper(A.units[0]!)).body.code).toBe('ALREADY_VOTED'); // 101 voted online
    expect((await paper(A.units[4]!)).status).toBe(201);
    expect((await vote(ownerE, ids('李四'), electionId)).body.code).toBe('ALREADY_VOTED'); // and now 501 cannot vote online
    expect(
      (await committee.call('GET', `/api/committee/elections/${electionId}`)).body.events.map(
        (e: { action: string }) => e.action,
      ),
    ).toContain('PAPER_BALLOT');
  });
});

describe('the count', () => {
  it('close, tally and publish: elected by the double majority, the vacancy reported, the same as anyone re-running the export', async () => {
    const { A, committee, ownerA, coOwner, multi } = await electionSite(h);
    const { id: electionId, ids } = await openElection(h, committee, A.community.id, {
      rosterCorrections: { [A.units[4]!.id]: SURVEYED_501 },
    });
    expect((await vote(ownerA, ids('张三', '李四', '王五'), electionId)).status).toBe(201);
    expect((await vote(multi, ids('张三', '李四'), electionId)).status).toBe(201);
    const evidence = await uploadPhoto(committee, { width: 600, height: 400 });
    const paper = await committee.call('POST', `/api/committee/elections/${electionId}/paper-ballots`, {
      body: { unitId: A.units[4]!.id, channel: 'PAPER', choices: ids('张三'), evidenceUploadId: evidence },
    });
    expect(paper.status).toBe(201);
    const step = stepOf(committee, electionId);

    expect((await step('tally')).status).toBe(409); // still open
    await atDeadline(h, electionId);
    expect((await step('close')).body.state).toBe('CLOSED');
    expect((await vote(coOwner, ids('赵六'), electionId)).body.code).toBe('ELECTION_NOT_OPEN');
    const counted = (await step('tally')).body;
    const [zhang, li, wang, zhao] = ids('张三', '李四', '王五', '赵六');
    // 101 (80.15) 张三 李四 王五; 201–401 (240.45, one head) 张三 李四; 501 (90.50, paper) 张三; the developer's 601 did not vote.
    expect(counted.result).toEqual({
      quorum: true,
      totalArea: '491.25',
      totalHeads: 4,
      participatingArea: '411.10',
      participatingHeads: 3,
      candidates: {
        [zhang!]: { area: '411.10', heads: 3, passes: true },
        [li!]: { area: '320.60', heads: 2, passes: true },
        [wang!]: { area: '80.15', heads: 1, passes: false },
        [zhao!]: { area: '0.00', heads: 0, passes: false },
      },
      elected: [zhang, li],
      runoff: [],
      vacant: 1,
      rejected: [],
    });

    const exported = await committee.call('GET', `/api/committee/elections/${electionId}/export`);
    expect(tally(exported.body)).toEqual(counted.result);
    const file = join(tmpdir(), `election-${electionId}.json`);
    await writeFile(file, JSON.stringify(exported.body));
    const { stdout } = await promisify(execFile)(process.execPath, [
      '--import',
      'tsx',
      join(import.meta.dirname, '../scripts/tally.ts'),
      file,
    ]);
    expect(JSON.parse(stdout)).toEqual(counted.result);

    expect((await ownerA.call('GET', `/api/elections/${electionId}`)).body.result).toBeNull(); // not yet published
    expect((await step('publish-results')).body.state).toBe('RESULTS_PUBLISHED');
    expect((await ownerA.call('GET', `/api/elections/${electionId}`)).body.result).toEqual(counted.result);
    expect((await step('publish-results')).status).toBe(409);
  });
});

describe('an assembly matter of the special class (3/4)', () => {
  it('two of three owners saying yes is not three quarters; a voter may change once when the rules allow it', async () => {
    const { A, committee, ownerA, multi, ownerE } = await electionSite(h);
    // 101 has grown to 500.00 m² since the first election: a new roster reads it.
    await h.db.unit.update({ where: { id: A.units[0]!.id }, data: { exclusiveArea: '500.00' } });
    const created = await committee.call('POST', `/api/committee/communities/${A.community.id}/elections`, {
      body: {
        title: '续筹专项维修资金',
        kind: 'MATTER',
        class: 'SPECIAL',
        allowChange: true,
        closesAt: inDays(30),
      },
    });
    const id = created.body.id as string;
    const run = (name: string) => committee.call('POST', `/api/committee/elections/${id}/steps/${name}`);
    await run('publish');
    clock.advance(NOTICE_PERIOD);
    await confirmRoster(committee, id);
    await run('open');
    expect((await vote(ownerA, ['NO'], id)).status).toBe(201);
    expect((await vote(ownerA, ['YES'], id)).body.changed).toBe(true);
    expect((await vote(ownerA, ['NO'], id)).body.message).toBe('已改过一次票，不能再改');
    expect((await vote(multi, ['YES', 'NO'], id)).status).toBe(400);
    expect((await vote(multi, ['YES'], id)).status).toBe(201);
    expect((await vote(ownerE, ['NO'], id)).status).toBe(201);
    await atDeadline(h, id);
    await run('close');
    const { result } = (await run('tally')).body;
    expect(result).toMatchObject({
      quorum: true,
      participatingHeads: 3,
      candidates: { YES: { area: '740.45', heads: 2, passes: false } },
      elected: [],
    }); // a new roster: 101 is 500.00 m² now
  });
});

describe('the clauses "delivered counts" and "silence follows the majority", adopted by the rules', () => {
  it('the raw result stands as counted; the adjusted one counts only owners whose ballot was recorded as delivered', async () => {
    const { A, committee, coOwner, multi } = await electionSite(h);
    const created = await committee.call('POST', `/api/committee/communities/${A.community.id}/elections`, {
      body: {
        title: '选聘物业服务企业',
        kind: 'MATTER',
        deliveredCounts: true,
        silenceFollows: true,
        closesAt: inDays(30),
      },
    });
    const id = created.body.id as string;
    const run = (name: string) => committee.call('POST', `/api/committee/elections/${id}/steps/${name}`);
    await run('publish');
    clock.advance(NOTICE_PERIOD);
    await confirmRoster(committee, id);
    await run('open');
    // 501's ballot and the developer's were delivered and never returned; nobody recorded 101's delivery.
    expect(
      (
        await committee.call('POST', `/api/committee/elections/${id}/deliveries`, {
          body: { unitIds: [A.units[4]!.id, A.units[5]!.id] },
        })
      ).body.delivered,
    ).toBe(2);
    expect((await vote(multi, ['YES'], id)).status).toBe(201);
    expect((await vote(coOwner, ['YES'], id)).status).toBe(201); // 101's slot, cast by its co-owner
    await atDeadline(h, id);
    await run('close');
    const { result } = (await run('tally')).body;
    expect(result).toMatchObject({ quorum: false, participatingHeads: 2, elected: [] });
    expect(result.adjusted).toMatchObject({
      silentOwners: 2,
      quorum: true,
      participatingHeads: 4,
      candidates: { YES: { heads: 4, passes: true } },
      elected: ['YES'],
    });
  });
});

describe('a matter of one building, and reminders', () => {
  it("counts only that building's owners and area; reminds the owners who have not voted", async () => {
    const { A, committee, ownerA } = await electionSite(h);
    const second = await h.db.building.create({ data: { communityId: A.community.id, name: '2号楼', sortOrder: 2 } });
    await h.db.unit.create({
      data: {
        communityId: A.community.id,
        buildingId: second.id,
        number: '101',
        floor: 1,
        buildingArea: '120.00',
        exclusiveArea: '100.00',
        deliveredAt: new Date('2025-01-01'),
      },
    });
    const created = await committee.call('POST', `/api/committee/communities/${A.community.id}/elections`, {
      body: {
        title: '1号楼电梯更新',
        kind: 'MATTER',
        buildingId: A.building.id,
        closesAt: inDays(30),
      },
    });
    const id = created.body.id as string;
    expect((await committee.call('POST', `/api/committee/elections/${id}/steps/publish`)).body.rosterUnits).toBe(6); // 2号楼 101 is not in it
    clock.advance(NOTICE_PERIOD);
    await confirmRoster(committee, id);
    await committee.call('POST', `/api/committee/elections/${id}/steps/open`);
    await vote(ownerA, ['YES'], id);
    const reminded = await committee.call('POST', `/api/committee/elections/${id}/reminders`);
    expect(reminded.body).toEqual({ owners: 2, pushed: 0, coolingDown: 0 }); // the owner of 201–401 and of 501; 101 has voted (its co-owner is not reminded); nobody subscribed
    const { turnout } = (await committee.call('GET', `/api/committee/elections/${id}`)).body;
    expect(turnout).toMatchObject({ totalHeads: 4, participatingHeads: 1 });
  });
});
