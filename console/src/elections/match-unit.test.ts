import { describe, expect, it } from 'vitest';
import { matchUnits } from './match-unit';

const units = ['1号楼 101', '1号楼 1101', '3号楼 602', '13号楼 602'].map((unit) => ({ unit }));
const found = (q: string) => matchUnits(units, q).map((u) => u.unit);

describe('matchUnits', () => {
  it('reads building-room as the counter does, with or without the entrance', () => {
    expect(found('3-602')).toEqual(['3号楼 602']);
    expect(found('3-1-602')).toEqual(['3号楼 602']);
    expect(found('3号楼602')).toEqual(['3号楼 602']);
    expect(found('1-101')).toEqual(['1号楼 101']);
  });

  it('takes anything else as part of the label, and nothing for nothing', () => {
    expect(found('602')).toEqual(['3号楼 602', '13号楼 602']);
    expect(found('  ')).toEqual([]);
    expect(found('9-101')).toEqual([]);
  });
});
