import { describe, expect, it } from 'vitest';
import { periodLabel, totalOf, yuan } from './money';

describe('money on screen', () => {
  it('shows fen as yuan with two decimals', () => {
    expect(yuan(23171)).toBe('231.71');
    expect(yuan(5)).toBe('0.05');
    expect(yuan(0)).toBe('0.00');
  });
  it('names periods as residents say them', () => {
    expect(periodLabel('2026-07')).toBe('2026年7月');
    expect(periodLabel('2026-Q4')).toBe('2026年第4季度');
    expect(periodLabel('2027')).toBe('2027年度');
  });
  it('adds the selected bills only', () => {
    const bills = [{ id: 'a', payableFen: 10 }, { id: 'b', payableFen: 205 }, { id: 'c', payableFen: 1 }];
    expect(totalOf(bills, new Set(['a', 'c']))).toBe(11);
    expect(totalOf(bills, new Set())).toBe(0);
  });
});
