import type { Prisma } from '@prisma/client';
import { AppError } from '../errors.js';

/**
 * For domains: attaches the caller's own unclaimed uploads to a record, in the record's transaction.
 * Someone else's upload, or one already claimed, is refused as a whole (a conditional update).
 */
export async function claimUploads(
  tx: Prisma.TransactionClient,
  input: { uploaderId: string; ids: string[]; kind: string; recordId: string; now: Date },
) {
  if (input.ids.length === 0) return;
  const claimed = await tx.upload.updateMany({
    where: { id: { in: input.ids }, uploaderId: input.uploaderId, claimedAt: null },
    data: { claimKind: input.kind, claimId: input.recordId, claimedAt: input.now },
  });
  if (claimed.count !== new Set(input.ids).size)
    throw new AppError('VALIDATION_FAILED', '照片不存在或已被使用，请重新上传');
}
