import type { Upload } from '@prisma/client';
import type { Deps } from '../deps.js';

/** An upload as a client sees it: short-lived signed URLs of the image and its thumbnail. */
export async function viewUpload(deps: Deps, u: Upload) {
  const ttl = deps.config.storage.urlTtlSeconds;
  const [url, thumbUrl] = await Promise.all([
    deps.storage.url(u.storageKey, ttl),
    u.thumbKey ? deps.storage.url(u.thumbKey, ttl) : null,
  ]);
  return {
    id: u.id,
    contentType: u.contentType,
    bytes: u.bytes,
    kind: u.thumbKey ? ('image' as const) : ('file' as const),
    filename: u.filename,
    width: u.width,
    height: u.height,
    url,
    thumbUrl,
    urlExpiresAt: new Date(deps.clock.now().getTime() + ttl * 1000),
    claimed: u.claimedAt !== null,
  };
}
