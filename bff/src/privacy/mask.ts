import { splitE164 } from './phone.js';

/**
 * Masking on the server wherever someone other than the person sees personal information
 * (PIPL; Civil Code arts. 1034–1039; docs/domain.md §6).
 */

const MAINLAND_MOBILE = /^1\d{10}$/;

/** The national digits with at least half of them hidden, the rest split between both ends. */
function maskDigits(digits: string): string {
  const shown = Math.floor(digits.length / 2);
  if (digits.length <= 4) return '*'.repeat(digits.length);
  const head = Math.floor(shown / 2);
  const tail = shown - head;
  return `${digits.slice(0, head)}${'*'.repeat(digits.length - shown)}${digits.slice(digits.length - tail)}`;
}

/**
 * `+86 138****5678`: the country code stays visible so staff can tell a foreign number at a glance.
 * A mainland mobile keeps the format residents know from every Chinese app (docs/domain.md §6); any other
 * number hides at least half of its digits, however short or long.
 */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const parts = splitE164(phone);
  const digits = parts?.national ?? phone.replace(/\D/g, '');
  const prefix = parts ? `+${parts.countryCode} ` : '';
  if (parts?.countryCode === '86' && MAINLAND_MOBILE.test(digits))
    return `${prefix}${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return `${prefix}${maskDigits(digits)}`;
}

/** 张三 → 张*, 欧阳娜娜 → 欧***: the family name stays, the rest is hidden. */
export function maskName(name: string | null | undefined): string | null {
  if (!name) return null;
  const chars = Array.from(name.trim());
  if (chars.length === 0) return null;
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/** 110105199001010123 → 110105********0123 */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return null;
  if (id.length <= 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}
