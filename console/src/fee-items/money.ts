/**
 * Yuan as typed at the desk → integer fen, without floats (STYLE rule 7): digits, at most two places,
 * a full-width dot or digits normalised. Undefined when it is not such an amount.
 */
export function fenOf(typed: string): number | undefined {
  const s = typed
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[。．]/g, '.')
    .trim();
  const m = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** Fen → yuan with two places, the way it is typed back in (no thousands separators). */
export const yuanText = (fen: number) => `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/**
 * A cap in percent of the principal with up to two places → basis points (1% = 100 bps).
 * Undefined when it is not such a number.
 */
export function bpsOfPercent(typed: string): number | undefined {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(typed.trim());
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

export const percentOfBps = (bps: number) =>
  bps % 100 === 0 ? String(bps / 100) : `${Math.trunc(bps / 100)}.${String(bps % 100).padStart(2, '0')}`;
