import { z } from 'zod';
import type { Deps } from '../deps.js';
import { defineJob } from '../jobs/define.js';

/**
 * Delivers one outbox message, at most once. WeChat's send has no idempotency key, so exactly-once
 * cannot survive a crash; a resend would also spend a second one-time credit. Hence:
 * 1. QUEUED → SENDING and the credit reserved, in one committed transaction (no credit: NO_CREDIT);
 * 2. the call to WeChat;
 * 3. SENT; or REFUSED (43101, credit set to 0) / FAILED (bad data or template, credit returned);
 *    or back to QUEUED with the credit returned when WeChat certainly did not deliver (5xx, -1,
 *    refused connection) — the job then retries with backoff.
 * A message found SENDING when its job runs again was interrupted between 1 and 3: it becomes
 * UNKNOWN, is never resent, and its credit counts as spent.
 */
export const deliverPush = defineJob({
  name: 'push.deliver',
  schema: z.object({ messageId: z.uuid() }),
  // 1 s doubling: ten tries span about 17 minutes of a WeChat outage.
  retry: { limit: 10, delaySeconds: 1, backoff: true },
  // Longer than a send can take (token + call, each with its timeout); a worker gone longer is dead.
  expireInSeconds: 20,
  batchSize: 100,
  handler: async (deps, { messageId }, job) => {
    const claimed = await claim(deps, messageId);
    if (claimed === 'done') return;
    const outcome = await deps.wechat.subscribe.send({ openid: claimed.openid, templateId: claimed.templateId, page: claimed.page, data: claimed.data as Record<string, string> });
    const now = deps.clock.now();
    const finish = (status: 'REFUSED' | 'FAILED' | 'UNKNOWN' | 'QUEUED', reason: string | null) =>
      deps.db.pushMessage.updateMany({ where: { id: messageId, status: 'SENDING' }, data: { status, reason } });
    const refund = () => deps.db.pushCredit.updateMany({ where: { userId: claimed.userId, templateId: claimed.templateId }, data: { credit: { increment: 1 } } });
    switch (outcome.kind) {
      case 'sent':
        await deps.sql.query({ name: 'push-sent', text: SENT, values: [messageId, now.toISOString()] });
        return;
      case 'refused':
        await deps.db.$transaction([finish('REFUSED', `${outcome.errcode} ${outcome.errmsg}`), deps.db.pushCredit.updateMany({ where: { userId: claimed.userId, templateId: claimed.templateId }, data: { credit: 0 } })]);
        return;
      case 'invalid':
        await deps.db.$transaction([finish('FAILED', `${outcome.errcode} ${outcome.errmsg}`), refund()]);
        return;
      case 'unknown':
        await finish('UNKNOWN', outcome.reason);
        return;
      case 'retry': {
        const last = job.retryCount >= job.retryLimit;
        await deps.db.$transaction([finish(last ? 'FAILED' : 'QUEUED', last ? `gave up: ${outcome.reason}` : outcome.reason), refund()]);
        if (!last) throw new Error(`push ${messageId}: ${outcome.reason}, will retry`);
      }
    }
  },
});

/** Step 1 as SQL ($1 the message id): prepared once per connection (db.ts), the drain's hottest statement. */
const CLAIM = `
  WITH msg AS (
    SELECT id, "userId", "templateId", status FROM "PushMessage" WHERE id = $1::uuid FOR UPDATE
  ), interrupted AS (
    UPDATE "PushMessage" p SET status = 'UNKNOWN', reason = 'interrupted after sending began: not resent'
      FROM msg WHERE p.id = msg.id AND msg.status = 'SENDING' RETURNING p.id
  ), credit AS (
    UPDATE "PushCredit" c SET credit = c.credit - 1, "updatedAt" = now()
      FROM msg WHERE msg.status = 'QUEUED' AND c."userId" = msg."userId" AND c."templateId" = msg."templateId" AND c.credit > 0
      RETURNING c."userId"
  )
  UPDATE "PushMessage" p
     SET status = CASE WHEN EXISTS (SELECT 1 FROM credit) THEN 'SENDING'::"PushStatus" ELSE 'NO_CREDIT'::"PushStatus" END,
         attempts = p.attempts + CASE WHEN EXISTS (SELECT 1 FROM credit) THEN 1 ELSE 0 END,
         reason = CASE WHEN EXISTS (SELECT 1 FROM credit) THEN NULL ELSE 'no accepted subscription left' END
    FROM msg WHERE p.id = msg.id AND msg.status = 'QUEUED'
  RETURNING p.status::text AS status, p."userId"::text AS "userId", p.openid, p."templateId", p.page, p.data`;

/** Step 3 for a delivered message ($1 the message id, $2 when, as UTC ISO text: Prisma's timestamps are UTC without a zone). */
const SENT = `UPDATE "PushMessage" SET status = 'SENT', reason = NULL, "sentAt" = $2::timestamp WHERE id = $1::uuid AND status = 'SENDING'`;

type Claimed = { userId: string; openid: string; templateId: string; page: string; data: unknown };

/**
 * Step 1 in one statement (one round trip, which is what bounds the drain rate): lock the message;
 * SENDING → UNKNOWN; QUEUED → SENDING with a credit taken, or → NO_CREDIT when none is left. Only a
 * message moved to SENDING here is returned, so only it is sent.
 */
async function claim(deps: Deps, messageId: string): Promise<Claimed | 'done'> {
  const { rows } = await deps.sql.query<Claimed & { status: string }>({ name: 'push-claim', text: CLAIM, values: [messageId] });
  const row = rows[0];
  return row?.status === 'SENDING' ? row : 'done';
}
