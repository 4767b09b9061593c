import { hkdfSync } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import { LocalStorage } from './local.js';
import { S3Storage } from './s3.js';
import type { Storage } from './storage.js';

export type { Storage } from './storage.js';

/** The secret signing `/files/…` URLs: its own when configured, else derived from the AppSecret. */
function fileUrlSecret(config: Config): Buffer {
  if (config.storage.urlSecret) return Buffer.from(config.storage.urlSecret);
  return Buffer.from(hkdfSync('sha256', config.wechat.secret, 'wyt', 'file-urls', 32));
}

export function createStorage(config: Config, clock: Clock): Storage {
  const s = config.storage;
  if (s.driver === 's3') return new S3Storage(s.s3!);
  return new LocalStorage(s.localDir, fileUrlSecret(config), () => Math.floor(clock.now().getTime() / 1000));
}
