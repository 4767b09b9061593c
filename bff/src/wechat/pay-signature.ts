import { createDecipheriv, createPublicKey, createVerify, type KeyObject } from 'node:crypto';

/**
 * Checking what WeChat Pay sends us (docs/wechat.md §5, docs/conventions.md rule 5). Pure functions over bytes,
 * so the notification path and the response path share one implementation and tests can call it.
 */

/** Parsed once: reading a PEM costs several times the RSA check itself (~170 µs against ~25 µs here). */
const parsed = new Map<string, KeyObject>();
function publicKeyOf(pem: string): KeyObject {
  let key = parsed.get(pem);
  if (!key) parsed.set(pem, (key = createPublicKey(pem)));
  return key;
}

/** RSA-SHA256 over `TIMESTAMP\nNONCE\nBODY\n` with the key of the given serial. Probes (SIGNTEST) never pass. */
export function verifyWechatSignature(
  keys: Record<string, string>,
  h: { timestamp: string; nonce: string; signature: string; serial: string },
  body: string,
): boolean {
  const pem = keys[h.serial];
  if (!pem) return false;
  // WeChat sends `WECHATPAY/SIGNTEST/…` to check that we really verify: it must fail.
  if (h.signature.startsWith('WECHATPAY/SIGNTEST/')) return false;
  try {
    return createVerify('RSA-SHA256')
      .update(`${h.timestamp}\n${h.nonce}\n${body}\n`)
      .verify(publicKeyOf(pem), h.signature, 'base64');
  } catch {
    return false;
  }
}

/**
 * AES-256-GCM with the APIv3 key; the last 16 bytes of the ciphertext are the tag. Our own rather than
 * the SDK's `decipher_gcm`, which never calls `final()` and so never checks the tag: a tampered
 * ciphertext would "decrypt" to garbage instead of failing.
 */
export function decryptResource(
  apiV3Key: string,
  r: { ciphertext: string; nonce: string; associated_data?: string },
): string {
  const bytes = Buffer.from(r.ciphertext, 'base64');
  if (bytes.length < 17) throw new Error('ciphertext too short');
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(r.nonce, 'utf8'));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  decipher.setAAD(Buffer.from(r.associated_data ?? '', 'utf8'));
  return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString('utf8');
}
