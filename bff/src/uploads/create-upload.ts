import { randomUUID } from 'node:crypto';
import type { Deps } from '../deps.js';
import { processImage } from './image.js';
import { viewUpload } from './view.js';

/** Stores a photo (re-encoded, with its thumbnail) as its uploader's, unclaimed. */
export async function createUpload(deps: Deps, userId: string, input: Buffer) {
  const image = await processImage(input);
  const id = randomUUID();
  const now = deps.clock.now();
  const prefix = `uploads/${now.toISOString().slice(0, 7)}/${id}`;
  const storageKey = `${prefix}.${image.ext}`;
  const thumbKey = `${prefix}-thumb.webp`;
  await Promise.all([deps.storage.put(storageKey, image.body, image.contentType), deps.storage.put(thumbKey, image.thumb, 'image/webp')]);
  const row = await deps.db.upload.create({
    data: { id, uploaderId: userId, contentType: image.contentType, bytes: image.body.length, width: image.width, height: image.height, storageKey, thumbKey, createdAt: now },
  });
  return viewUpload(deps, row);
}
