import { getCountries, getCountryCallingCode } from 'libphonenumber-js/max';

/**
 * Phones are kept in E.164 (`+8613912345678`): the digits alone are ambiguous — a +55 number can
 * equal a mainland one digit for digit, and matching the owner roster on digits alone bound a
 * foreigner to a Shanghai flat.
 */
export function e164(countryCode: string, nationalNumber: string): string {
  return `+${countryCode.replace(/^\+/, '')}${nationalNumber.replace(/\D/g, '')}`;
}

/** A roster or staff record as typed by people: without a `+` prefix it is a mainland number. */
export function normaliseImportedPhone(raw: string): string {
  const trimmed = raw.replace(/[\s-]/g, '');
  return trimmed.startsWith('+') ? `+${trimmed.slice(1).replace(/\D/g, '')}` : e164('86', trimmed);
}

// ITU calling codes from libphonenumber's metadata. They are prefix-free (no code starts another),
// so the first 1–3 digits match at most one, even for a number too short to be valid.
const CALLING_CODES = new Set(getCountries().map((c) => getCountryCallingCode(c) as string));

/** The country calling code and the national digits of an E.164 number (null when it is not one). */
export function splitE164(phone: string): { countryCode: string; national: string } | null {
  const m = /^\+(\d+)$/.exec(phone);
  if (!m?.[1]) return null;
  for (const len of [1, 2, 3]) {
    const code = m[1].slice(0, len);
    if (CALLING_CODES.has(code)) return { countryCode: code, national: m[1].slice(len) };
  }
  return null;
}
