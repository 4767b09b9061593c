/**
 * Where uploaded files live. Two drivers behind one small interface, chosen by config: a local folder
 * (development) and S3-compatible object storage (Tencent COS, MinIO, AWS). Nothing is ever served from
 * a public path: `url` gives a short-lived signed URL.
 */
export interface Storage {
  readonly driver: 'local' | 's3';
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<{ body: Buffer; contentType: string } | null>;
  delete(keys: string[]): Promise<void>;
  /** A URL that works for `ttlSeconds`: relative (`/files/…`, served by the BFF) or absolute (S3). */
  url(key: string, ttlSeconds: number): Promise<string>;
}

const TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  pdf: 'application/pdf',
};

/** Keys end with the extension of their content, so any driver can tell the type back. */
export function contentTypeOfKey(key: string): string {
  return TYPES[key.split('.').pop() ?? ''] ?? 'application/octet-stream';
}
