import { describe, expect, it } from 'vitest';
import { billingPeriods, feeStandard, groupByPeriod, parseYuan, periodLabel, totalOf, yuan, yuanExact } from './money';

describe('money on screen', () => {
  it('shows fen as yuan with two decimals', () => {
    expect(yuan(23171)).toBe('231.71');
    expect(yuan(5)).toBe('0.05');
    expect(yuan(0)).toBe('0.00');
  });
  it("shows WeChat's fees (1/1000 fen) exactly, with two decimals at least", () => {
    expect(yuanExact(433_000)).toBe('4.33');
    expect(yuanExact(600)).toBe('0.006');
    expect(yuanExact(-27_000)).toBe('-0.27');
    expect(yuanExact(1)).toBe('0.00001');
    expect(yuanExact(406_100)).toBe('4.061');
    expect(yuanExact(0)).toBe('0.00');
    expect(yuanExact(123_456_789)).toBe('1234.56789');
  });
  it('names periods as residents say them', () => {
    expect(periodLabel('2026-07')).toBe('2026年7月');
    expect(periodLabel('2026-Q4')).toBe('2026年第4季度');
    expect(periodLabel('2027')).toBe('2027年度');
  });
  it('adds the selected bills only', () => {
    const bills = [
      { id: 'a', payableFen: 10 },
      { id: 'b', payableFen: 205 },
      { id: 'c', payableFen: 1 },
    ];
    expect(totalOf(bills, new Set(['a', 'c']))).toBe(11);
    expect(totalOf(bills, new Set())).toBe(0);
  });
});

describe('billing choices', () => {
  it('offers this month, next month, this quarter and this year in Beijing time', () => {
    // 31 December 20:00 UTC is already 1 January in Beijing
    expect(billingPeriods(new Date('2026-12-31T20:00:00Z')).map((p) => p.value)).toEqual([
      '2027-01',
      '2027-02',
      '2027-Q1',
      '2027',
    ]);
    expect(billingPeriods(new Date('2026-11-29T02:00:00Z')).map((p) => p.value)).toEqual([
      '2026-11',
      '2026-12',
      '2026-Q4',
      '2026',
    ]);
  });
  it('shows a standard with its unit', () => {
    expect(feeStandard('PROPERTY', 235)).toBe('2.35元/㎡·月');
    expect(feeStandard('SHARED', 100_000)).toBe('合计1000.00元，按面积分摊');
  });
});

describe('amounts typed in yuan', () => {
  it('become fen exactly, or nothing', () => {
    expect(parseYuan('12')).toBe(1200);
    expect(parseYuan('12.5')).toBe(1250);
    expect(parseYuan(' 0.07 ')).toBe(7);
    expect(parseYuan('19.99')).toBe(1999); // 19.99 * 100 is 1998.9999999999998 in floating point
    for (const bad of ['', '1.234', '-1', '1e3', '1,000', '¥5']) expect(parseYuan(bad)).toBeNull();
  });
});

describe('bills by period', () => {
  it('groups bills of the same period under one label, in their order', () => {
    const bills = [
      { id: 'a', period: '2026-10' },
      { id: 'b', period: '2026-10' },
      { id: 'c', period: '2026-11' },
      { id: 'd', period: '2026-Q4' },
    ];
    expect(groupByPeriod(bills).map((g) => [g.label, g.items.map((b) => b.id).join('')])).toEqual([
      ['2026年10月', 'ab'],
      ['2026年11月', 'c'],
      ['2026年第4季度', 'd'],
    ]);
  });
});
