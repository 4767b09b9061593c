import { describe, expect, it } from 'vitest';
import { shiftMonth, shownCount, shownValue } from './month';

describe('the phone statistics page (docs/stats.md)', () => {
  it('moves a month across a year', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-06', 0)).toBe('2026-06');
  });
  it('shows rates, stars and counts as the console does; nothing to count is —, not 0 %', () => {
    expect(shownValue({ unit: 'permille', value: 949 })).toBe('94.9%');
    expect(shownValue({ unit: 'hundredths', value: 367 })).toBe('3.67 星');
    expect(shownValue({ unit: 'count', value: 3 })).toBe('3 件');
    expect(shownValue({ unit: 'permille', value: null })).toBe('—');
    expect(shownCount({ unit: 'permille', numerator: 19, denominator: 20 })).toBe('19 / 20');
  });
});
