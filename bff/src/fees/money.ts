/**
 * The money rules, stated once (docs/domain.md §4, docs/conventions.md rule 7). Amounts are integer fen; areas are
 * exact decimals read as integer hundredths of a m². Every bill line is computed exactly in integer
 * arithmetic and rounded **once, half up, to the fen**; nothing in between is rounded and no float
 * ever takes part. Shared costs are split by area with the largest-remainder method, so the shares add
 * up to the total exactly.
 */

/** n ÷ d rounded half up (n, d ≥ 0): 0.5 fen and above goes up. */
export function roundHalfUp(n: bigint, d: bigint): bigint {
  if (d <= 0n || n < 0n) throw new RangeError('roundHalfUp: expects n ≥ 0 and d > 0');
  return (n * 2n + d) / (d * 2n);
}

/** "98.6" / "98.60" (a Prisma Decimal's string) → 9860 hundredths of a m², exactly. */
export function areaHundredths(area: { toString(): string } | string): bigint {
  const s = area.toString();
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) throw new RangeError(`not an area with at most two decimals: ${s}`);
  return BigInt(m[1]!) * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
}

/** Property service fee: building area × price per m² per month × months (元/㎡·月 in fen). */
export function areaFee(areaHundredthsM2: bigint, fenPerM2Month: number, months: number): number {
  return Number(roundHalfUp(areaHundredthsM2 * BigInt(fenPerM2Month) * BigInt(months), 100n));
}

/**
 * 公摊 (Civil Code art. 283, by area share): each share is total × area ÷ all areas, floored; the fen
 * left over go one each to the largest remainders (ties: the order given, so the result is stable).
 */
export function splitByArea<K>(totalFen: number, parts: { key: K; area: bigint }[]): { key: K; fen: number }[] {
  const sum = parts.reduce((s, p) => s + p.area, 0n);
  if (parts.length === 0 || sum === 0n) throw new RangeError('splitByArea: nothing to split over');
  const total = BigInt(totalFen);
  const shares = parts.map((p, i) => {
    const exact = total * p.area;
    return { i, key: p.key, fen: exact / sum, remainder: exact % sum };
  });
  let left = total - shares.reduce((s, p) => s + p.fen, 0n);
  const byRemainder = [...shares].sort((a, b) =>
    a.remainder === b.remainder ? a.i - b.i : a.remainder > b.remainder ? -1 : 1,
  );
  for (const s of byRemainder) {
    if (left === 0n) break;
    s.fen += 1n;
    left -= 1n;
  }
  return shares.map((s) => ({ key: s.key, fen: Number(s.fen) }));
}

/**
 * A contractual late charge (docs/domain.md §4: off unless the contract says so): principal × rate per day ×
 * days, on the principal only (never compounded), capped at a share of the principal (art. 585).
 * Rates are in basis points (1 bp = 0.01 %).
 */
export function lateCharge(principalFen: number, daysOverdue: number, bpsPerDay: number, capBps: number): number {
  if (daysOverdue <= 0 || bpsPerDay <= 0) return 0;
  const p = BigInt(principalFen);
  const raw = roundHalfUp(p * BigInt(bpsPerDay) * BigInt(daysOverdue), 10_000n);
  const cap = roundHalfUp(p * BigInt(capBps), 10_000n);
  return Number(raw < cap ? raw : cap);
}

/** 12345 → "123.45" (yuan with two decimals, as WeChat's bills and receipts write it). */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(fen);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}
