import { z } from 'zod';
import type { Deps } from '../deps.js';
import { createRouter } from '../http/router.js';
import { requireSession, userIdOf } from '../http/auth.js';
import { ZIdParams } from '../http/params.js';
import { createUpload } from './create-upload.js';
import { getUpload } from './get-upload.js';
import { receiveFile } from './receive.js';
import { serveFile } from './serve-file.js';

export const UPLOAD_PATH = '/api/uploads';

const ZFileQuery = z.object({ expires: z.coerce.number().int(), sig: z.string().min(10).max(100) });
const ZFileKey = z
  .string()
  .regex(/^uploads\/\d{4}-\d{2}\/[0-9a-f-]{36}(-thumb)?\.(jpg|png|webp|avif|pdf)$/, '文件不存在');

export function uploadRoutes(deps: Deps) {
  const router = createRouter();

  router.post(UPLOAD_PATH, requireSession(deps.sessions), async (ctx) => {
    const file = await receiveFile(ctx, deps.config.storage.maxUploadBytes);
    ctx.status = 201;
    ctx.body = await createUpload(deps, userIdOf(ctx), file);
  });
  router.get(`${UPLOAD_PATH}/:id`, requireSession(deps.sessions), async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    ctx.body = await getUpload(deps, userIdOf(ctx), id);
  });
  // Signed URLs are the credential here: <Image src> in a mini-program cannot send a session header.
  router.get('/files/*key', async (ctx) => {
    const key = ZFileKey.parse(ctx.params.key);
    const { expires, sig } = ZFileQuery.parse(ctx.query);
    const file = await serveFile(deps, key, expires, sig);
    ctx.type = file.contentType;
    ctx.set('cache-control', 'private, max-age=300');
    ctx.set('x-content-type-options', 'nosniff');
    // A PDF is downloaded, never rendered inside our origin.
    if (file.contentType === 'application/pdf') ctx.attachment(undefined, { type: 'attachment' });
    ctx.body = file.body;
  });
  return router;
}
