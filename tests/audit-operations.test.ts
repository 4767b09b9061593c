import { describe, expect, it } from 'vitest';
import { ManualClock } from '../bff/src/clock.js';
import { useHarness } from './support/use-harness.js';
import { resident, staff, type Actor } from './support/actors.js';
import {
  addFeeItem,
  atDeadline,
  deliverUnits,
  electionSite,
  makeCommunity,
  openBills,
  openElection,
  runBilling,
} from './support/factories/index.js';
import { multipart, phonePhoto } from './support/images.js';

/**
 * The company's audit log records money operations, vote steps and reveals (docs/roles.md, Audit log):
 * one row per operation, in its transaction, with who, what, before and after — and none when the
 * operation is refused. Refunds, which need WeChat Pay's worker, are checked in payments.test.ts.
 */
const clock = new ManualClock(new Date('2026-11-02T01:00:00Z'));
const YEAR = String(365 * 86_400);
const h = useHarness({ clock, env: { SESSION_TTL_SECONDS: YEAR, SESSION_MAX_AGE_SECONDS: YEAR } });

const rowsOf = (kind: string, subjectId?: string) =>
  h.db.auditEvent.findMany({ where: { kind, ...(subjectId ? { subjectId } : {}) }, orderBy: { at: 'asc' } });

/** A billed community: one delivered unit with an owner, its manager and cashier, a monthly fee. */
async function billedSite() {
  const A = await makeCommunity(h.db, { units: 2 });
  await deliverUnits(
    h,
    A.units.map((u) => u.id),
  );
  const owner = await resident(h, A.units[0]!);
  const manager = await staff(h, 'MANAGER', { id: A.community.id, companyId: A.companyId });
  const cashier = await staff(h, 'CASHIER', { id: A.community.id, companyId: A.companyId });
  const item = await addFeeItem(manager, A.community.id, {
    kind: 'PROPERTY',
    name: '物业服务费',
    amountFen: 235,
    cycle: 'MONTH',
  });
  return { A, owner, manager, cashier, item };
}

describe('money in the audit log', () => {
  it('a billing run and its undo are one row each; a refused undo adds none', async () => {
    const { A, manager, cashier, item } = await billedSite();
    const run = await runBilling(cashier, A.community.id, '2026-09', [item.id]);
    expect(await rowsOf('BILLING_RUN', run.runId!)).toEqual([
      expect.objectContaining({
        companyId: A.companyId,
        communityId: A.community.id,
        actorId: cashier.userId,
        after: expect.objectContaining({ period: '2026-09', billCount: 2, totalFen: run.created.totalFen }),
        // Written on the run's own connection: the same instant as the run, whatever the process's zone.
        at: (await h.db.billingRun.findUniqueOrThrow({ where: { id: run.runId! } })).createdAt,
      }),
    ]);
    // Nothing new to bill: no run, no row.
    expect((await runBilling(cashier, A.community.id, '2026-09', [item.id])).runId).toBeNull();
    expect(await h.db.auditEvent.count({ where: { kind: 'BILLING_RUN', communityId: A.community.id } })).toBe(1);

    const undo = (reason: string) =>
      manager.call('POST', `/api/staff/communities/${A.community.id}/billing/runs/${run.runId!}/undo`, {
        body: { reason },
      });
    expect((await undo('标准录错，重新生成')).status).toBe(200);
    expect((await undo('再撤销一次试试')).body.code).toBe('ALREADY_DECIDED');
    expect(await rowsOf('BILLING_RUN_UNDONE', run.runId!)).toEqual([
      expect.objectContaining({
        actorId: manager.userId,
        reason: '标准录错，重新生成',
        before: { period: '2026-09', billCount: 2, totalFen: run.created.totalFen },
        after: { undone: true, billsDeleted: 2 },
      }),
    ]);
  });

  it('a waiver is one row with the bill before and after; waiving it again adds none', async () => {
    const { A, owner, manager, cashier, item } = await billedSite();
    await runBilling(cashier, A.community.id, '2026-10', [item.id]);
    const [bill] = await openBills(owner, A.units[0]!.id);
    const waive = () =>
      manager.call('POST', `/api/staff/bills/${bill!.id}/waive`, { body: { reason: '困难家庭减免' } });
    expect((await waive()).status).toBe(200);
    expect((await waive()).body.code).toBe('BILLS_NOT_PAYABLE');
    expect(await rowsOf('BILL_WAIVED', bill!.id)).toEqual([
      expect.objectContaining({
        actorId: manager.userId,
        communityId: A.community.id,
        reason: '困难家庭减免',
        before: { state: 'UNPAID', amountFen: bill!.amountFen },
        after: { state: 'WAIVED', amountFen: bill!.amountFen },
      }),
    ]);
  });

  it('a counter payment is one row naming its receipt and bills; a refused one adds none', async () => {
    const { A, owner, cashier, item } = await billedSite();
    await runBilling(cashier, A.community.id, '2026-10', [item.id]);
    const [bill] = await openBills(owner, A.units[0]!.id);
    const take = (amountFen: number) =>
      cashier.call('POST', `/api/staff/communities/${A.community.id}/counter-payments`, {
        body: { unitId: A.units[0]!.id, channel: 'CASH', amountFen },
      });
    expect((await take(bill!.amountFen + 1)).status).toBe(400);
    expect(await h.db.auditEvent.count({ where: { kind: 'COUNTER_PAYMENT', communityId: A.community.id } })).toBe(0);
    const paid = await take(bill!.amountFen);
    expect(paid.status).toBe(201);
    expect(await rowsOf('COUNTER_PAYMENT', paid.body.id)).toEqual([
      expect.objectContaining({
        actorId: cashier.userId,
        reason: `收据 ${paid.body.receiptNo}`,
        before: { bills: [{ id: bill!.id, state: 'UNPAID' }] },
        after: {
          receiptNo: paid.body.receiptNo,
          channel: 'CASH',
          amountFen: bill!.amountFen,
          bills: [{ id: bill!.id, state: 'PAID', paidFen: bill!.amountFen }],
        },
      }),
    ]);
  });
});

describe('vote steps in the audit log', () => {
  it('created, published (roster frozen), roster confirmed, opened, a paper ballot, closed, tallied, published: one row each', async () => {
    const { A, committee } = await electionSite(h);
    const { id, ids } = await openElection(h, committee, A.community.id);
    const { body, contentType } = multipart(await phonePhoto({ width: 600, height: 400 }));
    const evidence = (
      await committee.call('POST', '/api/uploads', { raw: body, headers: { 'content-type': contentType } })
    ).body.id as string;
    const paper = (unitId: string) =>
      committee.call('POST', `/api/committee/elections/${id}/paper-ballots`, {
        body: { unitId, channel: 'PAPER', choices: ids('张三'), evidenceUploadId: evidence },
      });
    expect((await paper(A.units[4]!.id)).status).toBe(201);
    expect((await paper(A.units[4]!.id)).body.code).toBe('ALREADY_VOTED'); // refused: no second row
    const step = (name: string) => committee.call('POST', `/api/committee/elections/${id}/steps/${name}`);
    expect((await step('tally')).status).toBe(409); // still open: refused, no row
    await atDeadline(h, id);
    for (const name of ['close', 'tally', 'publish-results']) expect((await step(name)).status).toBe(200);

    const rows = await h.db.auditEvent.findMany({ where: { subjectId: id }, orderBy: { at: 'asc' } });
    expect(rows.map((r) => r.kind)).toEqual([
      'ELECTION_CREATED',
      'ELECTION_PUBLISHED',
      'ELECTION_ROSTER_CONFIRMED',
      'ELECTION_OPENED',
      'ELECTION_PAPER_BALLOT',
      'ELECTION_CLOSED',
      'ELECTION_TALLIED',
      'ELECTION_RESULTS_PUBLISHED',
    ]);
    for (const r of rows)
      expect(r).toMatchObject({
        companyId: A.companyId,
        communityId: A.community.id,
        actorId: committee.userId,
        reason: '第三届业主委员会选举',
      });
    expect(rows.find((r) => r.kind === 'ELECTION_OPENED')).toMatchObject({
      before: { state: 'PUBLISHED' },
      after: expect.objectContaining({ state: 'OPEN', action: 'OPENED' }),
    });
    expect(rows.find((r) => r.kind === 'ELECTION_PAPER_BALLOT')!.after).toMatchObject({ action: 'PAPER_BALLOT' });
    // Alongside the election's own event log, not instead of it.
    const events = await h.db.electionEvent.findMany({ where: { electionId: id } });
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['CREATED', 'OPENED', 'PAPER_BALLOT', 'TALLIED']),
    );
  });
});

describe('reveals in the audit log', () => {
  it('a reveal is one row (never the value); a refused reveal adds none', async () => {
    const A = await makeCommunity(h.db, { units: 1 });
    const owner: Actor = await resident(h, A.units[0]!, { name: '孙甲' });
    await h.db.user.update({ where: { id: owner.userId }, data: { name: '孙甲' } });
    const stranger = (await makeCommunity(h.db, { units: 1 })).units[0]!;
    const outsider = await resident(h, stranger);
    const manager = await staff(h, 'MANAGER', { id: A.community.id, companyId: A.companyId }, { canRevealPii: true });
    const reveal = (userId: string) =>
      manager.call('POST', `/api/staff/communities/${A.community.id}/reveal`, {
        body: { userId, field: 'PHONE', reason: '上门维修前联系' },
      });
    expect((await reveal(outsider.userId)).status).toBe(404);
    expect((await reveal(owner.userId)).status).toBe(200);
    const rows = await h.db.auditEvent.findMany({ where: { kind: 'PII_REVEALED', communityId: A.community.id } });
    expect(rows).toEqual([
      expect.objectContaining({
        companyId: A.companyId,
        actorId: manager.userId,
        subjectId: owner.userId,
        reason: '上门维修前联系',
        before: null,
        after: { field: 'PHONE', basis: 'VERIFIED_MEMBER' },
      }),
    ]);
    expect(await h.db.auditEvent.count({ where: { kind: 'PII_REVEALED', subjectId: outsider.userId } })).toBe(0);

    // The company admin reads it in the log, by kind, with the summary of what was shown.
    const admin = await staff(h, 'COMPANY_ADMIN', { companyId: A.companyId, id: null });
    const log = await admin.call('GET', `/api/company/audit?companyId=${A.companyId}&kind=PII_REVEALED`);
    expect(log.body.items).toEqual([
      expect.objectContaining({ kindName: '查看个人信息', subjectName: '孙甲', summary: '手机号' }),
    ]);
  });
});
