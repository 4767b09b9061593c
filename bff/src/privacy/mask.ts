/**
 * Masking on the server wherever someone other than the person sees personal information
 * (PIPL; Civil Code arts. 1034–1039; domain.md §6).
 */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
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
