import type { Prisma } from '@prisma/client';
import type { Deps } from '../deps.js';
import { claimUploads } from '../uploads/claim-uploads.js';
import { holdForReview, screenText } from '../moderation/screen-text.js';
import { requestMediaChecks } from '../moderation/media-check.js';
import type { NewSnapshot } from './schema.js';

/** docs/domain.md §2: a snapshot the office does nothing about for 10 days closes by itself (自动办结). */
export const AUTO_CLOSE_MS = 10 * 86_400_000;

/**
 * Stores a snapshot: screened, photos claimed, wall photos sent for checking. `authorId` is whose it is;
 * `actorId` typed it (the author, or the office registering it for them — 代客登记), so their words are
 * screened and their photos claimed. `also` writes more rows in the same transaction.
 */
export async function storeSnapshot(
  deps: Deps,
  who: { authorId: string; actorId: string },
  input: NewSnapshot,
  also?: (tx: Prisma.TransactionClient, id: string, now: Date) => Promise<unknown>,
): Promise<string> {
  const { actorId } = who;
  const screened = await screenText(deps, actorId, [input.text, input.place], 3);
  const now = deps.clock.now();
  const id = crypto.randomUUID();
  await deps.db.$transaction(async (tx) => {
    await tx.snapshot.create({
      data: {
        id,
        communityId: input.communityId,
        authorId: who.authorId,
        kind: input.kind,
        text: input.text,
        place: input.place ?? null,
        textHeld: screened.held,
        wallConsent: input.wallConsent,
        autoCloseAt: new Date(now.getTime() + AUTO_CLOSE_MS),
        createdAt: now,
        updatedAt: now,
      },
    });
    await claimUploads(tx, { uploaderId: actorId, ids: input.uploadIds, kind: 'snapshot', recordId: id, now });
    if (screened.held)
      await holdForReview(tx, {
        communityId: input.communityId,
        authorId: actorId,
        kind: 'snapshot',
        recordId: id,
        text: input.text,
        reason: screened.reason,
        label: screened.label,
        traceId: screened.traceId,
        now,
      });
    // Photos for the wall are shown to other residents: each waits for WeChat's image verdict.
    if (input.wallConsent)
      await requestMediaChecks(deps, tx, {
        uploadIds: input.uploadIds,
        recordKind: 'snapshot',
        recordId: id,
        communityId: input.communityId,
        authorId: actorId,
        now,
      });
    if (also) await also(tx, id, now);
  });
  return id;
}
