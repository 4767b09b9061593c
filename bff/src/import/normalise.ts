import { isValidPhoneNumber } from 'libphonenumber-js/max';
import { normaliseImportedPhone } from '../privacy/phone.js';

/**
 * Text as people type it into spreadsheets: full-width letters, digits and punctuation (U+FF01–FF5E)
 * become their ASCII forms, the ideographic space (U+3000) and other spaces become one space, and the
 * ends are trimmed. Chinese punctuation that has no ASCII twin (、。「」) is left alone.
 */
export function normaliseText(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000\u00A0]+/g, ' ')
    .trim();
}

/**
 * A phone number as it appears in a roster: E.164, a number without a `+` prefix being mainland
 * (+86). Mainland numbers must be 11-digit mobiles (WeChat verifies a mobile); others must be valid
 * for their country in libphonenumber's metadata. null when it is not a number we could match.
 */
export function parsePhone(raw: string): string | null {
  const text = normaliseText(raw).replace(/^00/, '+');
  if (!/^\+?[\d\s()-]+$/.test(text)) return null;
  const phone = normaliseImportedPhone(text);
  if (phone.startsWith('+86')) return /^\+861[3-9]\d{9}$/.test(phone) ? phone : null;
  return isValidPhoneNumber(phone) ? phone : null;
}

/**
 * An area in m² as an exact decimal string with two places ("89.5" → "89.50"). Numbers from a
 * spreadsheet are doubles; their shortest decimal form (what Excel itself shows) is what is read, so
 * 89.56 stays 89.56 and never becomes 89.5599999. More than two decimals is an error, not a rounding.
 */
export function parseArea(text: string): string | null {
  const m = /^(\d{1,8})(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return null;
  const value = `${String(Number(m[1]))}.${(m[2] ?? '').padEnd(2, '0')}`;
  return value === '0.00' ? null : value;
}

/** Yuan with at most two decimals → integer fen, without floating point. */
export function parseYuan(text: string): number | null {
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** A calendar day: 2026-05-01, 2026/5/1, 2026年5月1日 → '2026-05-01'; null when it is not a real day. */
export function parseDay(text: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (!m) return null;
  const day = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const d = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== day ? null : day;
}
