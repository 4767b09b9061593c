import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { contentTypeOfKey, type Storage } from './storage.js';

/** Signs `key` until `expires` (unix seconds) with the files secret. */
export function signFileUrl(secret: Buffer, key: string, expires: number): string {
  return createHmac('sha256', secret).update(`${key}\n${expires}`).digest('base64url');
}

export function verifyFileUrl(
  secret: Buffer,
  key: string,
  expires: number,
  signature: string,
  nowSeconds: number,
): boolean {
  if (!Number.isInteger(expires) || expires < nowSeconds) return false;
  const expected = Buffer.from(signFileUrl(secret, key, expires));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Files in a folder (development default `.data/uploads`), served by the BFF at `/files/<key>` when signed. */
export class LocalStorage implements Storage {
  readonly driver = 'local' as const;
  private readonly root: string;

  constructor(
    dir: string,
    private readonly secret: Buffer,
    private readonly nowSeconds: () => number,
  ) {
    this.root = resolve(dir);
  }

  private path(key: string): string {
    const path = resolve(join(this.root, key));
    // Keys are made by the BFF, but a path is never allowed out of the folder.
    if (!path.startsWith(this.root + sep)) throw new Error(`storage key outside the folder: ${key}`);
    return path;
  }

  async put(key: string, body: Buffer): Promise<void> {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, body);
  }

  async get(key: string) {
    try {
      return { body: await readFile(this.path(key)), contentType: contentTypeOfKey(key) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(keys.map((k) => rm(this.path(k), { force: true })));
  }

  /** True when `signature` was made by `url` for this key and has not expired. */
  verify(key: string, expires: number, signature: string): boolean {
    return verifyFileUrl(this.secret, key, expires, signature, this.nowSeconds());
  }

  async url(key: string, ttlSeconds: number): Promise<string> {
    const expires = this.nowSeconds() + ttlSeconds;
    return `/files/${key}?expires=${expires}&sig=${signFileUrl(this.secret, key, expires)}`;
  }
}
