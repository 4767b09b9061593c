import { afterAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { useHarness } from './support/use-harness.js';
import { startS3 } from './support/s3.js';
import { multipart, phonePhoto } from './support/images.js';

/** The S3 driver (Tencent COS and MinIO speak the same API) against a local S3-compatible server. */
let s3: Awaited<ReturnType<typeof startS3>> | undefined;
const h = useHarness(async () => {
  s3 = await startS3();
  return { env: s3.env };
});
afterAll(() => s3?.close());

describe('the S3 storage driver', () => {
  it('stores an upload and its thumbnail, serves them by presigned URL, and deletes them', async () => {
    expect(h.deps.storage.driver).toBe('s3');
    const token = await h.loginAs('o_s3');
    const { body, contentType } = multipart(await phonePhoto({ width: 640, height: 480 }));
    const res = await h.call('POST', '/api/uploads', { token, raw: body, headers: { 'content-type': contentType } });
    expect(res.status).toBe(201);
    expect(res.body.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/wyt-test\/uploads\/.+X-Amz-Signature=/);
    const image = await fetch(res.body.url);
    expect(image.status).toBe(200);
    expect((await sharp(Buffer.from(await image.arrayBuffer())).metadata()).width).toBe(640);

    const row = await h.db.upload.findUniqueOrThrow({ where: { id: res.body.id } });
    expect((await h.deps.storage.get(row.thumbKey!))?.contentType).toBe('image/webp');
    await h.deps.storage.delete([row.storageKey, row.thumbKey!]);
    expect(await h.deps.storage.get(row.storageKey)).toBeNull();
  });
});
