import { z } from 'zod';
import type { Deps } from '../deps.js';
import { requireSession, userIdOf } from '../http/auth.js';
import { ZCommunityParams, ZId, ZIdParams } from '../http/params.js';
import { createRouter } from '../http/router.js';
import { receiveFile } from '../uploads/receive.js';
import { applyImport } from './apply.js';
import { dryRunImport, getImport, requireImporter } from './dry-run.js';
import { LIMITS } from './read-file.js';
import { importTemplate } from './template.js';

/** The upload path takes multipart, so it is one fixed path: the community comes as a query parameter. */
export const IMPORT_PATH = '/api/staff/imports';
const ZImportQuery = z.object({ communityId: ZId });

/** Master-data import (docs/import.md): template, dry run, report, apply. */
export function importRoutes(deps: Deps) {
  const router = createRouter();
  const session = requireSession(deps.sessions);

  router.get('/api/staff/communities/:communityId/import-template', session, async (ctx) => {
    const { communityId } = ZCommunityParams.parse(ctx.params);
    await requireImporter(deps, userIdOf(ctx), communityId);
    ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    ctx.attachment('物业通导入模板.xlsx');
    ctx.body = await importTemplate();
  });
  router.post(IMPORT_PATH, session, async (ctx) => {
    const { communityId } = ZImportQuery.parse(ctx.query);
    await requireImporter(deps, userIdOf(ctx), communityId);
    const file = await receiveFile(ctx, LIMITS.fileBytes, '导入文件');
    ctx.status = 201;
    ctx.body = await dryRunImport(deps, userIdOf(ctx), communityId, file);
  });
  router.get(`${IMPORT_PATH}/:id`, session, async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    ctx.body = await getImport(deps, userIdOf(ctx), id);
  });
  router.post(`${IMPORT_PATH}/:id/apply`, session, async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    ctx.body = await applyImport(deps, userIdOf(ctx), id);
  });
  return router;
}
