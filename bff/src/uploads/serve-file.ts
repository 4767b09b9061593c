import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { LocalStorage } from '../storage/local.js';

/** A file of the local driver behind a signed, expiring URL (`/files/<key>?expires=&sig=`). */
export async function serveFile(deps: Deps, key: string, expires: number, sig: string) {
  if (!(deps.storage instanceof LocalStorage) || !deps.storage.verify(key, expires, sig)) throw notFound('文件');
  const file = await deps.storage.get(key);
  if (!file) throw notFound('文件');
  return file;
}
