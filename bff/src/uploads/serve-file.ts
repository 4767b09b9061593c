import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { fileUrlSecret } from '../storage/index.js';
import { verifyFileUrl } from '../storage/local.js';

/** A file of the local driver behind a signed, expiring URL (`/files/<key>?expires=&sig=`). */
export async function serveFile(deps: Deps, key: string, expires: number, sig: string) {
  const now = Math.floor(deps.clock.now().getTime() / 1000);
  if (deps.storage.driver !== 'local' || !verifyFileUrl(fileUrlSecret(deps.config), key, expires, sig, now)) throw notFound('文件');
  const file = await deps.storage.get(key);
  if (!file) throw notFound('文件');
  return file;
}
