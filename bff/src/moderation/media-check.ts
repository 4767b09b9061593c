import type { Prisma } from '@prisma/client';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { defineJob } from '../jobs/define.js';
import { ZId } from '../http/params.js';
import { holdForReview, openidOf } from './screen-text.js';

/** WeChat answers an image check within 30 minutes; after that a manager looks at it (docs/wechat.md §7). */
export const VERDICT_WAIT_MS = 30 * 60_000;
/** WeChat must be able to download the image for longer than our usual short-lived links. */
const MEDIA_URL_TTL_S = 3600;

/**
 * Photos that other residents will see (the praise wall) are checked by media_check_async: a check
 * row each, and its sending job, written in the transaction of the record.
 */
export async function requestMediaChecks(
  deps: Deps,
  tx: Prisma.TransactionClient,
  req: { uploadIds: string[]; recordKind: string; recordId: string; communityId: string; authorId: string; now: Date },
) {
  if (req.uploadIds.length === 0) return;
  const rows = req.uploadIds.map((uploadId) => ({
    id: crypto.randomUUID(),
    uploadId,
    recordKind: req.recordKind,
    recordId: req.recordId,
    communityId: req.communityId,
    authorId: req.authorId,
    createdAt: req.now,
  }));
  await tx.mediaCheck.createMany({ data: rows });
  await deps.jobs.sendMany(
    sendMediaCheck,
    rows.map((r) => ({ checkId: r.id })),
    { tx },
  );
}

/**
 * Asks WeChat to check one photo and records the trace id its verdict will carry. The link is
 * absolute (WeChat downloads it) and lives an hour. Retried on WeChat errors; a check WeChat never
 * took goes to the moderation queue after 30 minutes like any check without a verdict.
 */
export const sendMediaCheck = defineJob({
  name: 'moderation.media-check',
  schema: z.object({ checkId: ZId }),
  retry: { limit: 3, delaySeconds: 20, backoff: true },
  handler: async (deps, { checkId }) => {
    const check = await deps.db.mediaCheck.findUnique({ where: { id: checkId } });
    if (!check || check.traceId || check.status !== 'PENDING') return;
    const [upload, openid] = await Promise.all([
      deps.db.upload.findUnique({ where: { id: check.uploadId } }),
      openidOf(deps, check.authorId),
    ]);
    if (!upload || !openid) return;
    const path = await deps.storage.url(upload.storageKey, MEDIA_URL_TTL_S);
    const url = path.startsWith('/') ? `${deps.config.publicBaseUrl}${path}` : path;
    const traceId = await deps.wechat.security.checkImage(openid, url, 4);
    await deps.db.mediaCheck.updateMany({
      where: { id: checkId, traceId: null },
      data: { traceId, requestedAt: deps.clock.now() },
    });
  },
});

export type MediaVerdictEvent = {
  trace_id: string;
  errcode?: number;
  result?: { suggest?: string; label?: string | number };
};

/**
 * A verdict pushed by WeChat, matched by trace id. Idempotent: only a PENDING check changes, so a
 * duplicate push does nothing. pass → shown; risky → hidden for good; review or -1008 (WeChat could
 * not download it) → the moderation queue.
 */
export async function applyMediaVerdict(deps: Deps, event: MediaVerdictEvent): Promise<void> {
  const now = deps.clock.now();
  const suggest = event.errcode && event.errcode !== 0 ? 'review' : event.result?.suggest;
  const status = suggest === 'pass' ? 'PASS' : suggest === 'risky' ? 'RISKY' : 'REVIEW';
  await deps.db.$transaction(async (tx) => {
    const check = await tx.mediaCheck.findUnique({ where: { traceId: event.trace_id } });
    if (!check) return;
    const moved = await tx.mediaCheck.updateMany({
      where: { id: check.id, status: 'PENDING' },
      data: { status, verdictAt: now },
    });
    if (moved.count === 0 || status !== 'REVIEW') return;
    const label = Number(event.result?.label);
    await holdForReview(tx, {
      communityId: check.communityId,
      authorId: check.authorId,
      kind: `${check.recordKind}-photo`,
      recordId: check.recordId,
      uploadId: check.uploadId,
      reason: event.errcode === -1008 ? 'DOWNLOAD_FAILED' : 'REVIEW',
      label: Number.isFinite(label) ? label : null,
      traceId: event.trace_id,
      now,
    });
  });
}

/** Every 5 minutes: checks without a verdict after 30 minutes go to the moderation queue. */
export const expireMediaChecks = defineJob({
  name: 'moderation.media-check-timeout',
  schema: z.object({}).passthrough(),
  singletonKey: () => 'all',
  handler: async (deps) => {
    const now = deps.clock.now();
    const stale = await deps.db.mediaCheck.findMany({
      where: { status: 'PENDING', createdAt: { lte: new Date(now.getTime() - VERDICT_WAIT_MS) } },
      take: 500,
    });
    for (const check of stale) {
      await deps.db.$transaction(async (tx) => {
        const moved = await tx.mediaCheck.updateMany({
          where: { id: check.id, status: 'PENDING' },
          data: { status: 'REVIEW', verdictAt: now },
        });
        if (moved.count === 0) return;
        await holdForReview(tx, {
          communityId: check.communityId,
          authorId: check.authorId,
          kind: `${check.recordKind}-photo`,
          recordId: check.recordId,
          uploadId: check.uploadId,
          reason: 'NO_VERDICT',
          traceId: check.traceId,
          now,
        });
      });
    }
  },
});
