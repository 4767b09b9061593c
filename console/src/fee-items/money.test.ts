import { describe, expect, it } from 'vitest';
import { bpsOfPercent, fenOf, percentOfBps, yuanText } from './money';

describe('fee screen amounts', () => {
  it('reads yuan with up to two places as exact fen', () => {
    expect(fenOf('2.35')).toBe(235);
    expect(fenOf('0.1')).toBe(10);
    expect(fenOf('1.10')).toBe(110);
    expect(fenOf(' 300 ')).toBe(30000);
    expect(fenOf('２．３５')).toBe(235);
    expect(fenOf('0.29')).toBe(29); // 0.29 * 100 is 28.999… as a float
    for (const bad of ['', '2.355', '-1', '1e3', 'abc', '.5', '2.']) expect(fenOf(bad)).toBeUndefined();
  });
  it('writes fen back as yuan with two places', () => {
    expect(yuanText(235)).toBe('2.35');
    expect(yuanText(5)).toBe('0.05');
    expect(yuanText(30000)).toBe('300.00');
  });
  it('reads a cap in percent as basis points and back', () => {
    expect(bpsOfPercent('30')).toBe(3000);
    expect(bpsOfPercent('12.5')).toBe(1250);
    expect(bpsOfPercent('0.01')).toBe(1);
    expect(bpsOfPercent('1.234')).toBeUndefined();
    expect(percentOfBps(3000)).toBe('30');
    expect(percentOfBps(1250)).toBe('12.50');
  });
});
