import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addDays,
  addMonths,
  atBeijing,
  beijingDay,
  beijingMinute,
  beijingMonth,
  beijingYear,
  dayEnd,
  dayStart,
  fromNow,
  lastDayOf,
  monthStart,
  now,
  shortTime,
  thisMonth,
  today,
} from './beijing';

afterEach(() => vi.useRealTimers());

describe('Beijing time in the mini-program', () => {
  it('turns the day at 16:00 UTC', () => {
    expect(beijingDay(new Date('2026-12-02T15:59:59.999Z'))).toBe('2026-12-02');
    expect(beijingDay(new Date('2026-12-02T16:00:00.000Z'))).toBe('2026-12-03');
  });

  it('turns months and years at Beijing midnight', () => {
    expect(beijingMonth(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11');
    expect(beijingMonth(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12');
    expect(beijingYear(new Date('2026-12-31T15:59:59Z'))).toBe(2026);
    expect(beijingYear(new Date('2026-12-31T16:00:00Z'))).toBe(2027);
    expect(beijingDay(new Date('2028-02-28T16:00:00Z'))).toBe('2028-02-29');
  });

  it('writes the wall clock for people', () => {
    expect(beijingMinute(new Date('2026-12-02T06:30:00Z'))).toBe('2026-12-02 14:30');
    expect(beijingMinute(new Date('2026-12-31T16:05:09Z'))).toBe('2027-01-01 00:05');
    expect(shortTime('2026-11-23T06:30:00Z')).toBe('11月23日 14:30');
    expect(shortTime('2026-12-31T16:00:00Z')).toBe('1月1日 00:00');
    expect(shortTime(null)).toBe('');
    expect(shortTime(undefined)).toBe('');
  });

  it('bounds a Beijing day and month by instants', () => {
    expect(dayStart('2026-10-10').toISOString()).toBe('2026-10-09T16:00:00.000Z');
    expect(dayEnd('2026-12-31').toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(monthStart('2027-01').toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(atBeijing('2026-12-03', 9 * 60).toISOString()).toBe('2026-12-03T01:00:00.000Z');
    expect(beijingDay(new Date(dayEnd('2026-12-02').getTime() - 1))).toBe('2026-12-02');
  });

  it('counts days and months across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(addMonths('2026-11', -23)).toBe('2024-12');
    expect(lastDayOf('2026-12')).toBe('2026-12-31');
    expect(lastDayOf('2027-02')).toBe('2027-02-28');
    expect(lastDayOf('2028-02')).toBe('2028-02-29');
    expect(lastDayOf('2026-11')).toBe('2026-11-30');
  });

  it('reads today and this month from the one clock, in Beijing whatever the device zone', () => {
    vi.useFakeTimers({ now: new Date('2026-12-31T16:30:00Z') }); // 00:30 on New Year's Day in Beijing
    expect(now().toISOString()).toBe('2026-12-31T16:30:00.000Z');
    expect(today()).toBe('2027-01-01');
    expect(thisMonth()).toBe('2027-01');
    expect(fromNow(7 * 86_400_000).toISOString()).toBe('2027-01-07T16:30:00.000Z');
  });
});

/** Every source file of the app but this module and tests. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && name !== 'beijing.ts' ? [path] : [];
  });
}

describe('the clock and the offset are read in beijing.ts only', () => {
  it('no other file takes "now" from the device or adds eight hours itself', () => {
    const root = __dirname;
    // Elapsed-time timers may read Date.now(): they say so with `elapsed time` on the same line.
    const offenders = sources(root).flatMap((path) =>
      readFileSync(path, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${relative(root, path)}:${i + 1}` }))
        .filter(
          ({ line }) =>
            (/new Date\(\)|Date\.now\(\)/.test(line) && !/elapsed time/.test(line)) ||
            /8 \* 3_?600|\+08:00|getTimezoneOffset|toLocale/.test(line),
        )
        .map(({ at }) => at),
    );
    expect(offenders).toEqual([]);
  });
});
