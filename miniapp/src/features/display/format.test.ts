import { describe, expect, it } from 'vitest';
import { compareUnitNumbers, formatPhone, searchUnits, yuanGrouped } from './format';

describe('numbers for reading', () => {
  it('groups a mainland mobile 3-4-4, masked or not', () => {
    expect(formatPhone('+8613910007919')).toBe('139 1000 7919');
    expect(formatPhone('13910007919')).toBe('139 1000 7919');
    expect(formatPhone('+86 139****7919')).toBe('139 **** 7919');
  });
  it('keeps a landline’s area code apart, and leaves a service number or a foreign one alone', () => {
    expect(formatPhone('+862162345678')).toBe('021 6234 5678');
    expect(formatPhone('021-62345678')).toBe('021 6234 5678');
    expect(formatPhone('057187654321')).toBe('0571 8765 4321');
    expect(formatPhone('962121')).toBe('962121');
    expect(formatPhone('+85291234567')).toBe('+85291234567');
    expect(formatPhone(null)).toBe('');
  });
  it('writes money with thousands separators', () => {
    expect(yuanGrouped(12_345_678)).toBe('123,456.78');
    expect(yuanGrouped(100_000)).toBe('1,000.00');
    expect(yuanGrouped(99_999)).toBe('999.99');
    expect(yuanGrouped(5)).toBe('0.05');
    expect(yuanGrouped(-123_456)).toBe('-1,234.56');
  });
  it('orders room numbers as numbers: 101 before 1001', () => {
    expect(['1001', '101', '902', '1201', '201'].sort(compareUnitNumbers)).toEqual([
      '101',
      '201',
      '902',
      '1001',
      '1201',
    ]);
    const units = [
      { number: '1001', building: '2号楼' },
      { number: '101', building: '10号楼' },
      { number: '101', building: '2号楼' },
    ];
    expect(searchUnits(units, '').map((u) => `${u.building}${u.number}`)).toEqual([
      '2号楼101',
      '2号楼1001',
      '10号楼101',
    ]);
    expect(searchUnits(units, '2号楼 10').map((u) => u.number)).toEqual(['101', '1001']);
    expect(searchUnits(units, '1001')).toHaveLength(1);
  });
});
