import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepRepairSla } from '../bff/src/repairs/sla-sweep.js';
import { TEMPLATES } from '../bff/src/push/templates.js';
import { useHarness } from './support/use-harness.js';
import { resident, staff, type Actor } from './support/actors.js';
import { makeCommunity, repairBody } from './support/factories/index.js';
import { startWorkerProcess, type WorkerProcess } from './support/worker-process.js';

/** The SLA sweep run by two real worker processes at once: every miss recorded and pushed exactly once. */
const h = useHarness();
const OVERDUE = TEMPLATES.repairOverdue.id;
const REPAIRS = 40;
let office: Actor[];
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  const site = await makeCommunity(h.db, { units: 1 });
  const owner = await resident(h, site.units[0]!);
  office = [
    await staff(h, 'MANAGER', { id: site.community.id, companyId: site.companyId }),
    await staff(h, 'COMPANY_ADMIN', { id: null, companyId: site.companyId }),
  ];
  await h.db.pushCredit.createMany({
    data: office.map((s) => ({ userId: s.userId, templateId: OVERDUE, credit: REPAIRS })),
  });
  await h.sim('/sim/subscribe/accept', {
    items: office.flatMap((s) => Array.from({ length: REPAIRS }, () => ({ openid: s.openid, templateId: OVERDUE }))),
  });
  for (let i = 0; i < REPAIRS; i++)
    expect((await owner.call('POST', '/api/repairs', { body: repairBody(site.units[0]!.id) })).status).toBe(201);
  // Filed 20 minutes ago as far as the clocks go: the first escalation step is missed, the second (8 min later) is not yet.
  const due = new Date(Date.now() - 5 * 60_000);
  await h.db.repairRequest.updateMany({
    where: { communityId: site.community.id },
    data: { acceptDueAt: due, nextDueAt: due },
  });
  workers.push(await startWorkerProcess(h), await startWorkerProcess(h));
}, 90_000);
afterAll(() => Promise.all(workers.map((w) => w.stop())));

describe('the SLA sweep in two worker processes', { timeout: 60_000 }, () => {
  it('records each missed acceptance once and pushes it once to each responsible person', async () => {
    await Promise.all(Array.from({ length: 8 }, () => h.deps.jobs.send(sweepRepairSla, {})));
    await expect
      .poll(() => h.db.repairBreach.count({ where: { notifiedAt: { not: null } } }), { timeout: 30_000, interval: 200 })
      .toBe(REPAIRS);
    expect(await h.db.repairBreach.count()).toBe(REPAIRS);
    const messages = await h.db.pushMessage.findMany({
      where: { eventKind: 'repair.overdue' },
      select: { userId: true, eventId: true },
    });
    expect(messages).toHaveLength(REPAIRS * office.length);
    expect(new Set(messages.map((m) => `${m.userId}|${m.eventId}`)).size).toBe(REPAIRS * office.length);
    await expect
      .poll(() => h.db.pushMessage.count({ where: { eventKind: 'repair.overdue', status: 'SENT' } }), {
        timeout: 30_000,
        interval: 200,
      })
      .toBe(REPAIRS * office.length);
    const delivered = (
      (await (await fetch(`${h.simUrl}/sim/subscribe/delivered`)).json()) as {
        items: { touser: string; templateId: string }[];
      }
    ).items.filter((d) => d.templateId === OVERDUE);
    expect(delivered).toHaveLength(REPAIRS * office.length);
  });
});
