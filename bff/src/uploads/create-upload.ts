import { randomUUID } from 'node:crypto';
import type { Deps } from '../deps.js';
import { processUpload } from './process-upload.js';
import { viewUpload } from './view.js';

/**
 * Stores a photo (re-encoded, with its thumbnail) or — for staff, who attach fee schedules and the
 * like to notices — a PDF, as its uploader's, unclaimed.
 */
export async function createUpload(deps: Deps, userId: string, input: { body: Buffer; filename: string | null }) {
  const isStaff = (await deps.db.staffRole.count({ where: { userId } })) > 0;
  const allowPdf = isStaff;
  // Before the ≈ 1 s of CPU a large photo costs to re-encode; staff (completion photos, notice
  // attachments) on their own, higher limit (docs/conventions.md, Rate limits).
  await (isStaff ? deps.limits.staffUploadsPerUser : deps.limits.uploadsPerUser).consume(userId);
  const image = await processUpload(input.body, { allowPdf });
  const id = randomUUID();
  const now = deps.clock.now();
  const prefix = `uploads/${now.toISOString().slice(0, 7)}/${id}`;
  const storageKey = `${prefix}.${image.ext}`;
  const thumbKey = image.thumb ? `${prefix}-thumb.webp` : null;
  await Promise.all([
    deps.storage.put(storageKey, image.body, image.contentType),
    thumbKey && image.thumb ? deps.storage.put(thumbKey, image.thumb, 'image/webp') : null,
  ]);
  const filename = image.contentType === 'application/pdf' ? (input.filename ?? '附件.pdf') : null;
  const row = await deps.db.upload.create({
    data: {
      id,
      uploaderId: userId,
      contentType: image.contentType,
      bytes: image.body.length,
      width: image.width,
      height: image.height,
      filename,
      storageKey,
      thumbKey,
      createdAt: now,
    },
  });
  return viewUpload(deps, row);
}
