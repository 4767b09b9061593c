import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { viewUpload } from './view.js';

/**
 * An upload for someone allowed to see it: its uploader, or — once a record claimed it — whoever the
 * claiming domain lets see that record (its module's `uploadAccess`, through `deps.registry`). Everyone else: "not found".
 */
export async function getUpload(deps: Deps, userId: string, id: string) {
  const upload = await deps.db.upload.findUnique({ where: { id } });
  if (!upload || !(await maySee(deps, userId, upload))) throw notFound('照片');
  return viewUpload(deps, upload);
}

async function maySee(
  deps: Deps,
  userId: string,
  u: { uploaderId: string; claimKind: string | null; claimId: string | null },
) {
  if (u.uploaderId === userId) return true;
  if (!u.claimKind || !u.claimId) return false;
  const canSee = deps.registry.uploadAccess(u.claimKind);
  return canSee ? canSee(deps, userId, u.claimId) : false;
}
