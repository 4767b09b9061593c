import type { Prisma } from '@prisma/client';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import type { SecurityScene } from '../wechat/security-client.js';

export type Screened =
  { held: false } | { held: true; reason: 'REVIEW' | 'ERROR'; label: number | null; traceId: string | null };

export async function openidOf(deps: Deps, userId: string): Promise<string | null> {
  const identity = await deps.db.wechatIdentity.findFirst({
    where: { userId, appid: deps.config.wechat.appid },
    select: { openid: true },
  });
  return identity?.openid ?? null;
}

/**
 * Text a resident wrote, through msg_sec_check before it is stored as visible (docs/wechat.md §7):
 * pass → shown; review → held for the staff moderation queue; risky → refused with a clear message.
 * When WeChat cannot give a verdict (an error, 61010 for a user not seen in 2 hours), the text is
 * held too: never published by default.
 */
export async function screenText(
  deps: Deps,
  userId: string,
  texts: (string | null | undefined)[],
  scene: SecurityScene,
): Promise<Screened> {
  const content = texts.filter((t): t is string => Boolean(t && t.trim())).join('\n');
  if (!content) return { held: false };
  const openid = await openidOf(deps, userId);
  if (!openid) return { held: true, reason: 'ERROR', label: null, traceId: null };
  try {
    const verdict = await deps.wechat.security.checkText(openid, content.slice(0, 2500), scene);
    if (verdict.suggest === 'risky')
      throw new AppError('CONTENT_RISKY', '内容含有违规信息，请修改后再提交', { label: verdict.label });
    if (verdict.suggest === 'review')
      return { held: true, reason: 'REVIEW', label: verdict.label, traceId: verdict.traceId };
    return { held: false };
  } catch (err) {
    if (err instanceof AppError && err.code === 'CONTENT_RISKY') throw err;
    deps.logger.warn({ err, userId }, 'msg_sec_check gave no verdict: the text waits for a manager');
    return { held: true, reason: 'ERROR', label: null, traceId: null };
  }
}

/**
 * Puts held content in the staff moderation queue, in the transaction that stores it. Held again
 * (a follow-up edit, a second verdict), the same item goes back to PENDING.
 */
export async function holdForReview(
  tx: Prisma.TransactionClient,
  item: {
    communityId: string;
    authorId: string;
    kind: string;
    recordId: string;
    text?: string | null;
    uploadId?: string | null;
    reason: string;
    label?: number | null;
    traceId?: string | null;
    now: Date;
  },
) {
  await tx.$executeRaw`
    INSERT INTO "ContentReview" ("id", "communityId", "authorId", "kind", "recordId", "text", "uploadId", "reason", "label", "traceId", "createdAt")
    VALUES (gen_random_uuid(), ${item.communityId}::uuid, ${item.authorId}::uuid, ${item.kind}, ${item.recordId}::uuid, ${item.text ?? null}, ${item.uploadId ?? null}::uuid,
            ${item.reason}, ${item.label ?? null}::int, ${item.traceId ?? null}, ${item.now})
    ON CONFLICT ("kind", "recordId", "uploadId") DO UPDATE
      SET "status" = 'PENDING', "text" = EXCLUDED."text", "reason" = EXCLUDED."reason", "label" = EXCLUDED."label", "traceId" = EXCLUDED."traceId",
          "decidedById" = NULL, "decidedAt" = NULL, "createdAt" = EXCLUDED."createdAt"`;
}
