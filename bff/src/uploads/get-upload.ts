import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { modules } from '../modules.js';
import { viewUpload } from './view.js';

/**
 * An upload for someone allowed to see it: its uploader, or — once a record claimed it — whoever the
 * claiming domain lets see that record (the module's `uploadAccess`). Everyone else: "not found".
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
  // Read at call time: modules.ts lists this module too, so it cannot be read while modules load.
  const canSee = modules.find((m) => m.uploadAccess?.[u.claimKind!])?.uploadAccess?.[u.claimKind];
  return canSee ? canSee(deps, userId, u.claimId) : false;
}
