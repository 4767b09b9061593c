import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { requireRole } from '../access/guards.js';
import { AppError } from '../errors.js';
import { keyset, toPage, ZId, ZPageQuery } from '../http/params.js';
import { maskName } from '../privacy/mask.js';
import { queuePush } from '../push/outbox.js';
import { arrearsRows } from './arrears.js';
import { addDays, atBeijing, beijingDay } from '../beijing.js';

/** A unit is reminded at most once a week: a reminder is a notice with a deadline, not pressure. */
export const REMINDER_COOL_DOWN_DAYS = 7;
const DAY = 86_400_000;
const PAY_BY_DEFAULT_DAYS = 15;

export const ZReminders = z.object({
  unitIds: z.array(ZId, '请选择要提醒的房屋').min(1, '请选择要提醒的房屋').max(200, '一次最多提醒 200 户'),
  payBy: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '缴费期限格式应为 2026-12-15')
    .optional(),
});
export const ZReminderQuery = z.object({ cursor: ZPageQuery.shape.cursor, unitId: ZId.optional() });

export type ReminderOutcome = {
  unitId: string;
  outcome: 'SENT' | 'COOLING_DOWN' | 'NOT_IN_ARREARS';
  reminderId?: string;
  pushed?: number;
  nextAllowedAt?: string;
};

/**
 * Reminds units in arrears (docs/domain.md §4: written reminders with a deadline are the lawful path, kept
 * as evidence). Each unit, under its own lock: skipped while a reminder of the last week stands;
 * otherwise the record (what was owed, the deadline, who sent it) and the pushes to its verified
 * owners go in one transaction through the outbox — owners without push credit get none (WeChat
 * would refuse), the record says how many were reached. Nothing a resident can use depends on it.
 */
export async function sendArrearsReminders(
  deps: Deps,
  userId: string,
  communityId: string,
  input: z.infer<typeof ZReminders>,
) {
  await requireRole(deps.db, userId, communityId, ['CASHIER', 'MANAGER', 'COMPANY_ADMIN']);
  const now = deps.clock.now();
  const today = beijingDay(now);
  const payBy = input.payBy ?? addDays(today, PAY_BY_DEFAULT_DAYS);
  if (payBy <= today || payBy > addDays(today, 90))
    throw new AppError('VALIDATION_FAILED', '缴费期限应在今天之后的 90 天内', [
      { path: 'payBy', message: '缴费期限无效' },
    ]);
  const unitIds = [...new Set(input.unitIds)];
  // Units owing nothing are skipped without a transaction each; what is owed is read again under the lock.
  const owing = new Set(
    (await arrearsRows(deps, communityId, { minMonths: 0, unitIds, ownersOnly: true })).map((r) => r.unitId),
  );
  const results: ReminderOutcome[] = [];
  for (const unitId of unitIds) {
    // Another community's unit, or one whose current owners owe nothing: the same answer.
    if (!owing.has(unitId)) {
      results.push({ unitId, outcome: 'NOT_IN_ARREARS' });
      continue;
    }
    results.push(
      await deps.db.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('arrears-reminder'), hashtext(${unitId}))`;
        // What the current owners owe, read under the unit's lock (a sale at the desk holds it FOR UPDATE): a
        // sale committed meanwhile makes the earlier bills the seller's, and they are not the buyer's to be
        // reminded of (docs/roles.md, Owners and households).
        await tx.$executeRaw`SELECT 1 FROM "Unit" WHERE id = ${unitId}::uuid FOR SHARE`;
        const [row] = await arrearsRows(
          deps,
          communityId,
          { minMonths: 0, unitIds: [unitId], ownersOnly: true },
          undefined,
          tx,
        );
        if (!row) return { unitId, outcome: 'NOT_IN_ARREARS' as const };
        const last = await tx.arrearsReminder.findFirst({
          where: { unitId },
          orderBy: { sentAt: 'desc' },
          select: { sentAt: true },
        });
        if (last && now.getTime() - last.sentAt.getTime() < REMINDER_COOL_DOWN_DAYS * DAY) {
          return {
            unitId,
            outcome: 'COOLING_DOWN' as const,
            nextAllowedAt: new Date(last.sentAt.getTime() + REMINDER_COOL_DOWN_DAYS * DAY).toISOString(),
          };
        }
        const owners = await tx.unitMembership.findMany({
          where: { unitId, status: 'VERIFIED', relation: { in: ['OWNER', 'CO_OWNER'] } },
          select: { userId: true },
        });
        const id = randomUUID();
        const pushed = await queuePush(deps, tx, {
          template: 'arrearsReminder',
          recipients: owners.map((o) => ({ userId: o.userId, communityId })),
          values: {
            amountFen: row.amountFen,
            items: `${row.items}（${row.oldestPeriod}起）`,
            payBy: atBeijing(payBy, 23 * 60 + 59),
            note: '缴费不影响门禁、电梯、停车等任何服务',
          },
          pageQuery: { unitId },
          event: { kind: 'fees.arrears-reminder', id },
        });
        await tx.arrearsReminder.create({
          data: {
            id,
            communityId,
            unitId,
            amountFen: row.amountFen,
            bills: row.bills,
            oldestPeriod: row.oldestPeriod,
            items: row.items,
            payBy,
            recipients: owners.length,
            pushed,
            sentById: userId,
            sentAt: now,
          },
        });
        return { unitId, outcome: 'SENT' as const, reminderId: id, pushed };
      }),
    );
  }
  deps.logger.info(
    { communityId, userId, sent: results.filter((r) => r.outcome === 'SENT').length },
    'arrears reminders',
  );
  return { payBy, results };
}

const PAGE = 30;

/** The evidence: reminders sent in a community (or to one unit), newest first, with what became of each push. */
export async function listArrearsReminders(
  deps: Deps,
  userId: string,
  communityId: string,
  q: z.infer<typeof ZReminderQuery>,
) {
  const page = keyset('sentAt', q.cursor, PAGE, 'desc'); // a cursor that is not ours: 400 whoever asks
  await requireRole(deps.db, userId, communityId, ['CASHIER', 'MANAGER', 'COMPANY_ADMIN']);
  const where = { communityId, ...(q.unitId ? { unitId: q.unitId } : {}) };
  const total = await deps.db.arrearsReminder.count({ where });
  const found = await deps.db.arrearsReminder.findMany({
    where: { AND: [where, page.where] },
    orderBy: page.orderBy,
    take: page.take,
  });
  const { items: rows, nextCursor } = toPage(found, PAGE, (r) => r.sentAt);
  const units = await deps.db.unit.findMany({
    where: { id: { in: rows.map((r) => r.unitId) } },
    select: { id: true, number: true, building: { select: { name: true } } },
  });
  const senders = await deps.db.user.findMany({
    where: { id: { in: rows.map((r) => r.sentById) } },
    select: { id: true, name: true },
  });
  const pushes = await deps.db.pushMessage.groupBy({
    by: ['eventId', 'status'],
    where: { eventKind: 'fees.arrears-reminder', eventId: { in: rows.map((r) => r.id) } },
    _count: true,
  });
  return {
    items: rows.map((r) => {
      const unit = units.find((u) => u.id === r.unitId)!;
      return {
        id: r.id,
        unitId: r.unitId,
        unit: `${unit.building.name} ${unit.number}`,
        amountFen: r.amountFen,
        bills: r.bills,
        items: r.items,
        oldestPeriod: r.oldestPeriod,
        payBy: r.payBy,
        recipients: r.recipients,
        pushed: r.pushed,
        pushes: Object.fromEntries(pushes.filter((p) => p.eventId === r.id).map((p) => [p.status, p._count])),
        sentBy: maskName(senders.find((s) => s.id === r.sentById)?.name ?? null) ?? '工作人员',
        sentAt: r.sentAt.toISOString(),
      };
    }),
    total,
    nextCursor,
  };
}
