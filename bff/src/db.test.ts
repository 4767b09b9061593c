import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { parseUtcTimestamp } from './db.js';

/** node-postgres as db.ts sets it: `timestamp` columns hold UTC, whatever the process's zone (README, SQL paths). */
describe('timestamps through node-postgres', () => {
  it('reads a `timestamp` as UTC, with its milliseconds, in any era, and infinity as pg-types does', () => {
    expect(parseUtcTimestamp('2026-12-31 20:30:00.123')).toEqual(new Date('2026-12-31T20:30:00.123Z'));
    expect(parseUtcTimestamp('2026-11-30 16:00:00')).toEqual(new Date('2026-11-30T16:00:00Z'));
    expect((parseUtcTimestamp('0044-03-15 12:00:00 BC') as Date).toISOString()).toBe('-000043-03-15T12:00:00.000Z');
    expect(parseUtcTimestamp('infinity')).toBe(Infinity);
    expect(parseUtcTimestamp('-infinity')).toBe(-Infinity);
  });

  it('is what every node-postgres connection uses for `timestamp` and `timestamp[]`', () => {
    expect(pg.types.getTypeParser(pg.types.builtins.TIMESTAMP)('2026-12-31 20:30:00.123')).toEqual(
      new Date('2026-12-31T20:30:00.123Z'),
    );
    const array = pg.types.getTypeParser(1115 as typeof pg.types.builtins.TIMESTAMP);
    expect(array('{"2026-12-31 20:30:00.123",NULL}')).toEqual([new Date('2026-12-31T20:30:00.123Z'), null]);
  });

  it('writes a Date parameter as UTC', () => {
    expect(pg.defaults.parseInputDatesAsUTC).toBe(true);
  });
});
