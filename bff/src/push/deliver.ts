import { z } from 'zod';
import type { Deps } from '../deps.js';
import { defineJob, type JobFailure, type JobRun } from '../jobs/define.js';
import type { SendOutcome } from '../wechat/subscribe-client.js';

/**
 * Delivers outbox messages, at most once. WeChat's send has no idempotency key, so exactly-once
 * cannot survive a crash; a resend would also spend a second one-time credit. Hence, for the
 * messages of a fetched batch together:
 * 1. QUEUED → SENDING and a credit reserved each, in one committed statement (no credit: NO_CREDIT);
 * 2. the calls to WeChat;
 * 3. SENT (one statement for all delivered); or REFUSED (43101, credit set to 0) / FAILED (bad data
 *    or template, credit returned); or back to QUEUED with the credit returned when WeChat certainly
 *    did not deliver (5xx, -1, refused connection) — that job then retries with backoff.
 * A message found SENDING when its job runs again was interrupted between 1 and 3: it becomes
 * UNKNOWN, is never resent, and its credit counts as spent.
 */
export const deliverPush = defineJob({
  name: 'push.deliver',
  schema: z.object({ messageId: z.uuid() }),
  // 1 s doubling: ten tries span about 17 minutes of a WeChat outage.
  retry: { limit: 10, delaySeconds: 1, backoff: true },
  // Longer than a batch can take (token + calls, each with its timeout); a worker gone longer is dead.
  expireInSeconds: 20,
  batchSize: 100,
  handleBatch: async (deps, jobs) => {
    const claimed = await claim(
      deps,
      jobs.map((j) => j.data.messageId),
    );
    const failed: JobFailure[] = [];
    const sent: string[] = [];
    const runOf = new Map(jobs.map((j) => [j.data.messageId, j]));
    await Promise.all(
      claimed.map(async (message) => {
        const outcome = await deps.wechat.subscribe.send({
          openid: message.openid,
          templateId: message.templateId,
          page: message.page,
          data: message.data as Record<string, string>,
        });
        deps.metrics.pushes.inc({ outcome: outcome.kind });
        if (outcome.kind === 'sent') sent.push(message.id);
        else {
          const retry = await settle(deps, message, outcome, runOf.get(message.id)!);
          if (retry) failed.push({ id: runOf.get(message.id)!.id, message: retry });
        }
      }),
    );
    if (sent.length > 0)
      await deps.sql.query({ name: 'push-sent', text: SENT, values: [sent, deps.clock.now().toISOString()] });
    return failed;
  },
});

/**
 * Step 1 as SQL ($1 the message ids): messages and credits are locked in key order, so two batches
 * sharing a subscriber cannot deadlock. At most one message per subscription (user and template) is
 * claimed: the rest of that subscription's messages in the batch are returned QUEUED, for the
 * one-message claim below, which sees the credit this statement left.
 */
const CLAIM_MANY = `
  WITH msg AS MATERIALIZED (
    SELECT id, "userId", "templateId", status FROM "PushMessage" WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE
  ), interrupted AS (
    UPDATE "PushMessage" p SET status = 'UNKNOWN', reason = 'interrupted after sending began: not resent'
      FROM msg WHERE p.id = msg.id AND msg.status = 'SENDING'
  ), first AS MATERIALIZED (
    SELECT DISTINCT ON ("userId", "templateId") id, "userId", "templateId" FROM msg WHERE status = 'QUEUED' ORDER BY "userId", "templateId", id
  ), locked AS MATERIALIZED (
    SELECT c."userId", c."templateId" FROM "PushCredit" c JOIN first f ON c."userId" = f."userId" AND c."templateId" = f."templateId"
     ORDER BY c."userId", c."templateId" FOR UPDATE OF c
  ), credit AS (
    UPDATE "PushCredit" c SET credit = c.credit - 1, "updatedAt" = now()
      FROM locked l WHERE c."userId" = l."userId" AND c."templateId" = l."templateId" AND c.credit > 0
      RETURNING c."userId", c."templateId"
  ), claimed AS (
    UPDATE "PushMessage" p
       SET status = CASE WHEN c."userId" IS NOT NULL THEN 'SENDING'::"PushStatus" ELSE 'NO_CREDIT'::"PushStatus" END,
           attempts = p.attempts + CASE WHEN c."userId" IS NOT NULL THEN 1 ELSE 0 END,
           reason = CASE WHEN c."userId" IS NOT NULL THEN NULL ELSE 'no accepted subscription left' END
      FROM first f LEFT JOIN credit c ON c."userId" = f."userId" AND c."templateId" = f."templateId"
     WHERE p.id = f.id
    RETURNING p.id::text, p.status::text AS status, p."userId"::text AS "userId", p.openid, p."templateId", p.page, p.data
  )
  SELECT * FROM claimed
  UNION ALL
  SELECT m.id::text, 'QUEUED', NULL, NULL, NULL, NULL, NULL FROM msg m WHERE m.status = 'QUEUED' AND NOT EXISTS (SELECT 1 FROM first f WHERE f.id = m.id)`;

/** The same for one message ($1 its id): the claim of a subscription's second message in a batch. */
const CLAIM_ONE = `
  WITH msg AS (
    SELECT id, "userId", "templateId", status FROM "PushMessage" WHERE id = $1::uuid AND status = 'QUEUED' FOR UPDATE
  ), credit AS (
    UPDATE "PushCredit" c SET credit = c.credit - 1, "updatedAt" = now()
      FROM msg WHERE c."userId" = msg."userId" AND c."templateId" = msg."templateId" AND c.credit > 0
      RETURNING c."userId"
  )
  UPDATE "PushMessage" p
     SET status = CASE WHEN EXISTS (SELECT 1 FROM credit) THEN 'SENDING'::"PushStatus" ELSE 'NO_CREDIT'::"PushStatus" END,
         attempts = p.attempts + CASE WHEN EXISTS (SELECT 1 FROM credit) THEN 1 ELSE 0 END,
         reason = CASE WHEN EXISTS (SELECT 1 FROM credit) THEN NULL ELSE 'no accepted subscription left' END
    FROM msg WHERE p.id = msg.id
  RETURNING p.id::text, p.status::text AS status, p."userId"::text AS "userId", p.openid, p."templateId", p.page, p.data`;

/** Step 3 for the delivered messages ($1 their ids, $2 when, as UTC ISO text: Prisma's timestamps are UTC without a zone). */
const SENT = `UPDATE "PushMessage" SET status = 'SENT', reason = NULL, "sentAt" = $2::timestamp WHERE id = ANY($1::uuid[]) AND status = 'SENDING'`;

type Row = {
  id: string;
  status: string;
  userId: string;
  openid: string;
  templateId: string;
  page: string;
  data: unknown;
};
type Claimed = Row & { status: 'SENDING' };

/**
 * Step 1, one round trip for the batch (a round trip per message is what bounded the drain rate):
 * only the messages moved to SENDING here are returned, so only they are sent.
 */
async function claim(deps: Deps, ids: string[]): Promise<Claimed[]> {
  const { rows } = await deps.sql.query<Row>({ name: 'push-claim-many', text: CLAIM_MANY, values: [ids] });
  const claimed = rows.filter((r): r is Claimed => r.status === 'SENDING');
  for (const later of rows.filter((r) => r.status === 'QUEUED')) {
    const {
      rows: [one],
    } = await deps.sql.query<Row>({ name: 'push-claim-one', text: CLAIM_ONE, values: [later.id] });
    if (one?.status === 'SENDING') claimed.push(one as Claimed);
  }
  return claimed;
}

/** Step 3 for a message WeChat did not take: its final state, or the reason to try again. */
async function settle(
  deps: Deps,
  message: Claimed,
  outcome: Exclude<SendOutcome, { kind: 'sent' }>,
  run: JobRun,
): Promise<string | null> {
  const finish = (status: 'REFUSED' | 'FAILED' | 'UNKNOWN' | 'QUEUED', reason: string | null) =>
    deps.db.pushMessage.updateMany({ where: { id: message.id, status: 'SENDING' }, data: { status, reason } });
  const credit = { userId: message.userId, templateId: message.templateId };
  const refund = () => deps.db.pushCredit.updateMany({ where: credit, data: { credit: { increment: 1 } } });
  switch (outcome.kind) {
    case 'refused':
      await deps.db.$transaction([
        finish('REFUSED', `${outcome.errcode} ${outcome.errmsg}`),
        deps.db.pushCredit.updateMany({ where: credit, data: { credit: 0 } }),
      ]);
      return null;
    case 'invalid':
      await deps.db.$transaction([finish('FAILED', `${outcome.errcode} ${outcome.errmsg}`), refund()]);
      return null;
    case 'unknown':
      await finish('UNKNOWN', outcome.reason);
      return null;
    case 'retry': {
      const last = run.retryCount >= run.retryLimit;
      await deps.db.$transaction([
        finish(last ? 'FAILED' : 'QUEUED', last ? `gave up: ${outcome.reason}` : outcome.reason),
        refund(),
      ]);
      if (last) return null;
      deps.logger.warn({ messageId: message.id, reason: outcome.reason }, 'push not delivered, will retry');
      return `push ${message.id}: ${outcome.reason}, will retry`;
    }
  }
}
