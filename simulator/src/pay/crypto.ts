import { createCipheriv, createSign, createVerify, randomBytes } from 'node:crypto';
import type { Merchant, PayState } from './state.js';

/**
 * WeChat Pay's signatures (docs/wechat.md §5): merchants sign requests over
 * `METHOD\nPATH_WITH_QUERY\nTIMESTAMP\nNONCE\nBODY\n`; WeChat signs answers and notifications over
 * `TIMESTAMP\nNONCE\nBODY\n` with its own key, and encrypts notification resources with the merchant's
 * APIv3 key (AES-256-GCM, the tag appended to the ciphertext).
 */
const AUTH = /^WECHATPAY2-SHA256-RSA2048 (.+)$/;

export function verifyMerchantRequest(
  pay: PayState,
  method: string,
  pathWithQuery: string,
  body: string,
  authorization: string,
): Merchant | null {
  const m = AUTH.exec(authorization);
  if (!m) return null;
  const fields = Object.fromEntries([...m[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((f) => [f[1], f[2]]));
  const merchant = pay.merchants.get(fields.mchid ?? '');
  if (
    !merchant ||
    fields.serial_no !== merchant.serialNo ||
    !fields.signature ||
    !fields.timestamp ||
    !fields.nonce_str
  )
    return null;
  const message = `${method}\n${pathWithQuery}\n${fields.timestamp}\n${fields.nonce_str}\n${body}\n`;
  const ok = createVerify('RSA-SHA256').update(message).verify(merchant.publicKeyPem, fields.signature, 'base64');
  return ok ? merchant : null;
}

export function platformSignature(pay: PayState, timestamp: string, nonce: string, body: string): string {
  return createSign('RSA-SHA256').update(`${timestamp}\n${nonce}\n${body}\n`).sign(pay.privateKeyPem, 'base64');
}

/** The headers WeChat puts on a signed answer or notification. */
export function signedHeaders(pay: PayState, body: string, nowMs: number): Record<string, string> {
  const timestamp = String(Math.floor(nowMs / 1000));
  const nonce = randomBytes(16).toString('hex');
  return {
    'Wechatpay-Timestamp': timestamp,
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Signature': platformSignature(pay, timestamp, nonce, body),
    'Wechatpay-Serial': pay.publicKeyId,
    'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048',
    'Request-ID': randomBytes(12).toString('hex'),
  };
}

export function encryptResource(apiV3Key: string, plaintext: string, associatedData: string) {
  const nonce = randomBytes(6).toString('hex'); // 12 characters, as WeChat's
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]).toString(
    'base64',
  );
  return { algorithm: 'AEAD_AES_256_GCM', ciphertext, nonce, associated_data: associatedData };
}
