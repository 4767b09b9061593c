import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { areaFee, areaHundredths, lateCharge, roundHalfUp, splitByArea, yuan } from './money.js';
import { parsePeriod, payerMonths } from './periods.js';

describe('the rounding rule: once per bill line, half up, to the fen', () => {
  it('rounds exactly at the half', () => {
    expect(roundHalfUp(149n, 100n)).toBe(1n);
    expect(roundHalfUp(150n, 100n)).toBe(2n);
    expect(roundHalfUp(250n, 100n)).toBe(3n); // half up, not half to even
    expect(roundHalfUp(0n, 7n)).toBe(0n);
  });

  it('computes the property fee without intermediate rounding', () => {
    // 98.60 m² × 2.35 元 × 1 month = 231.71 元 exactly
    expect(areaFee(areaHundredths('98.60'), 235, 1)).toBe(23171);
    // 89.55 × 1.85 = 165.6675 → 165.67; three months: 497.0025 → 497.00 (not 3 × 165.67 = 497.01)
    expect(areaFee(areaHundredths('89.55'), 185, 1)).toBe(16567);
    expect(areaFee(areaHundredths('89.55'), 185, 3)).toBe(49700);
    expect(areaFee(areaHundredths('0.01'), 50, 1)).toBe(1); // 0.005 元 rounds up to 1 fen
  });

  it('reads areas exactly and refuses anything else', () => {
    expect(areaHundredths('98.6')).toBe(9860n);
    expect(areaHundredths('120')).toBe(12000n);
    expect(() => areaHundredths('1.005')).toThrow();
    expect(() => areaHundredths('-3')).toThrow();
  });

  it('formats yuan with two decimals', () => {
    expect(yuan(23171)).toBe('231.71');
    expect(yuan(5)).toBe('0.05');
    expect(yuan(-120)).toBe('-1.20');
  });
});

describe('公摊: shares by area add up exactly', () => {
  it('gives the leftover fen to the largest remainders', () => {
    // 100 fen over three equal areas: 33.33… each, one fen left for the first (stable ties)
    expect(
      splitByArea(100, [
        { key: 'a', area: 1n },
        { key: 'b', area: 1n },
        { key: 'c', area: 1n },
      ]).map((s) => s.fen),
    ).toEqual([34, 33, 33]);
    // 1000 fen by 50 / 30 / 20 m²: exact
    expect(
      splitByArea(1000, [
        { key: 'a', area: 5000n },
        { key: 'b', area: 3000n },
        { key: 'c', area: 2000n },
      ]).map((s) => s.fen),
    ).toEqual([500, 300, 200]);
    // 10 fen by 2.5 / 1 / 1: 5.55 / 2.22 / 2.22 → 6 / 2 / 2
    expect(
      splitByArea(10, [
        { key: 'a', area: 250n },
        { key: 'b', area: 100n },
        { key: 'c', area: 100n },
      ]).map((s) => s.fen),
    ).toEqual([6, 2, 2]);
  });

  it('always adds up to the total, and no share is off by a fen or more from its exact value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 60 }),
        (total, areas) => {
          const parts = areas.map((a, i) => ({ key: i, area: BigInt(a) }));
          const shares = splitByArea(total, parts);
          expect(shares.reduce((s, p) => s + p.fen, 0)).toBe(total);
          const sum = areas.reduce((s, a) => s + a, 0);
          shares.forEach((s, i) => expect(Math.abs(s.fen * sum - total * areas[i]!)).toBeLessThan(sum));
        },
      ),
    );
  });
});

describe('late charges (off by default; when on: own line, capped, never compounded)', () => {
  it('is simple interest on the principal, capped', () => {
    expect(lateCharge(10_000, 0, 5, 1000)).toBe(0);
    expect(lateCharge(10_000, 10, 5, 1000)).toBe(50); // 0.05 %/day × 10 days of 100 元 = 0.50 元
    expect(lateCharge(10_000, 100_000, 5, 1000)).toBe(1000); // capped at 10 %
    // not compounded: twice the days is exactly twice the charge
    expect(lateCharge(12_345, 40, 3, 10_000)).toBe(2 * lateCharge(12_345, 20, 3, 10_000));
  });
});

describe('periods and who pays', () => {
  it('parses months, quarters and years', () => {
    expect(parsePeriod('2026-12')?.months).toEqual(['2026-12']);
    expect(parsePeriod('2026-Q4')?.months).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(parsePeriod('2027')?.months).toHaveLength(12);
    for (const bad of ['2026-13', '2026-Q5', '26', '2026-1', '2026-12-01']) expect(parsePeriod(bad)).toBeNull();
  });

  it('the developer pays until delivery, the buyer from the month after (Beijing months)', () => {
    const year = parsePeriod('2026')!;
    // delivered 15 June 2026 → the owner pays from July
    const split = payerMonths(year, new Date('2026-06-15T10:00:00+08:00'));
    expect(split.DEVELOPER).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    expect(split.OWNER[0]).toBe('2026-07');
    // 1 July 00:30 in Beijing is still 30 June in UTC: the Beijing month (July) decides
    expect(payerMonths(year, new Date('2026-06-30T16:30:00Z')).OWNER[0]).toBe('2026-08');
    // delivered in December: the owner starts in January of the next year
    expect(payerMonths(year, new Date('2026-12-01T00:00:00+08:00')).OWNER).toEqual([]);
    expect(payerMonths(year, null).DEVELOPER).toHaveLength(12);
  });
});
