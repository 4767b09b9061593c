import { z } from 'zod';
import type { Prisma, Survey } from '@prisma/client';
import type { Deps } from '../deps.js';
import { defineJob } from '../jobs/define.js';
import { FAN_OUT_TRANSACTION, queuePush } from '../push/outbox.js';

/** The reminder goes this long before a survey closes (docs/domain.md §8, survey pushes). */
export const REMIND_BEFORE_MS = 24 * 3_600_000;
/** A window shorter than this gets no reminder: the opening push is still fresh when it would go. */
export const MIN_WINDOW_FOR_REMINDER_MS = 2 * REMIND_BEFORE_MS;

type Target = Pick<Survey, 'id' | 'communityId' | 'buildingIds' | 'title' | 'closesAt'>;

/**
 * The verified members of the survey's units — of the units that have not answered yet when
 * `unansweredOnly` — one row a user (a member of two targeted flats gets one message).
 */
function members(tx: Prisma.TransactionClient, s: Target, unansweredOnly: boolean) {
  return tx.$queryRaw<{ userId: string }[]>`
    SELECT DISTINCT m."userId"::text AS "userId" FROM "UnitMembership" m JOIN "Unit" u ON u."id" = m."unitId"
     WHERE m."status" = 'VERIFIED' AND u."communityId" = ${s.communityId}::uuid
       AND (cardinality(${s.buildingIds}::uuid[]) = 0 OR u."buildingId" = ANY(${s.buildingIds}::uuid[]))
       AND (NOT ${unansweredOnly} OR NOT EXISTS (
             SELECT 1 FROM "SurveyResponse" r WHERE r."surveyId" = ${s.id}::uuid AND r."unitId" = u."id"))`;
}

/**
 * "问卷已开始" to the members who subscribed, once per survey: the conditional write on `openPushedAt`
 * settles a creation and a sweep (or two sweeps) racing, and the messages exist only if it commits.
 */
export async function pushSurveyOpened(deps: Deps, tx: Prisma.TransactionClient, s: Target): Promise<number> {
  const claimed = await tx.survey.updateMany({
    where: { id: s.id, openPushedAt: null },
    data: { openPushedAt: deps.clock.now() },
  });
  if (claimed.count === 0) return 0;
  const users = await members(tx, s, false);
  return queuePush(deps, tx, {
    template: 'surveyOpened',
    recipients: users.map((u) => ({ userId: u.userId, communityId: s.communityId })),
    values: { title: s.title, closesAt: s.closesAt },
    pageQuery: { id: s.id },
    event: { kind: 'survey.opened', id: s.id },
  });
}

/** The one reminder: to members of units that have not answered, once per survey (`remindedAt`). */
async function pushSurveyReminder(deps: Deps, tx: Prisma.TransactionClient, s: Target): Promise<number> {
  const claimed = await tx.survey.updateMany({
    where: { id: s.id, remindedAt: null },
    data: { remindedAt: deps.clock.now() },
  });
  if (claimed.count === 0) return 0;
  const users = await members(tx, s, true);
  return queuePush(deps, tx, {
    template: 'surveyClosing',
    recipients: users.map((u) => ({ userId: u.userId, communityId: s.communityId })),
    values: { title: s.title, closesAt: s.closesAt },
    pageQuery: { id: s.id },
    event: { kind: 'survey.reminder', id: s.id },
  });
}

const PICK = { id: true, communityId: true, buildingIds: true, title: true, closesAt: true } as const;

/**
 * One pass on the harness clock: surveys that have opened and were not announced, then surveys a day
 * from closing (window of two days or more) not reminded. Each survey in its own transaction.
 */
export async function sweepSurveyPushes(deps: Deps): Promise<{ opened: number; reminded: number }> {
  const now = deps.clock.now();
  const [opening, closing] = await Promise.all([
    deps.db.survey.findMany({
      where: { openPushedAt: null, opensAt: { lte: now }, closesAt: { gt: now } },
      select: PICK,
      take: 100,
    }),
    deps.db.survey.findMany({
      where: { remindedAt: null, closesAt: { gt: now, lte: new Date(now.getTime() + REMIND_BEFORE_MS) } },
      select: { ...PICK, opensAt: true },
      take: 100,
    }),
  ]);
  for (const s of opening) await deps.db.$transaction((tx) => pushSurveyOpened(deps, tx, s), FAN_OUT_TRANSACTION);
  const due = closing.filter((s) => s.closesAt.getTime() - s.opensAt.getTime() >= MIN_WINDOW_FOR_REMINDER_MS);
  for (const s of due) await deps.db.$transaction((tx) => pushSurveyReminder(deps, tx, s), FAN_OUT_TRANSACTION);
  return { opened: opening.length, reminded: due.length };
}

/** Every five minutes (cron): a pg-boss job, so each push happens once whichever worker runs it. */
export const surveyPushSweep = defineJob({
  name: 'surveys.push-sweep',
  schema: z.object({}).passthrough(),
  retry: { limit: 2, delaySeconds: 30, backoff: false },
  handler: async (deps) => {
    const done = await sweepSurveyPushes(deps);
    if (done.opened + done.reminded > 0) deps.logger.info(done, 'survey pushes');
  },
});
