import { describe, expect, it } from 'vitest';
import { ZCreateBuilding, ZCreateUnit, ZEditUnit } from '../../../bff/src/master/schema';
import { checkBuilding, checkUnit, hundredths, type UnitForm } from './validate';

/** The drawer's checks say what the BFF would say: the same Chinese message for the same input. */
const zodMessage = (
  r: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } },
  path: string,
) => r.error?.issues.find((i) => i.path.join('.') === path)?.message;

const unit: UnitForm = {
  buildingId: '00000000-0000-4000-8000-000000000000',
  number: '1201',
  floor: '12',
  buildingArea: '100.25',
  exclusiveArea: '88.10',
  areaSource: 'REGISTERED',
  deliveredAt: '',
  developerHeld: false,
  reason: '',
};
const wire = (f: UnitForm) => ({
  buildingId: f.buildingId,
  number: f.number,
  floor: Number(f.floor),
  buildingArea: f.buildingArea,
  exclusiveArea: f.exclusiveArea,
  areaSource: f.areaSource,
});

describe('master-data checks mirror the BFF', () => {
  it.each([
    ['buildingArea', '89.567'],
    ['buildingArea', '0.00'],
    ['exclusiveArea', 'abc'],
    ['exclusiveArea', '100.26'],
    ['floor', '201'],
    ['floor', '-11'],
  ] as const)('%s = %s', (key, value) => {
    const f = { ...unit, [key]: value };
    const mine = checkUnit(f, false)[key];
    expect(mine).toBeTruthy();
    expect(mine).toBe(zodMessage(ZCreateUnit.safeParse(wire(f)), key));
  });

  it('a building floor count and name', () => {
    const f = { name: '', buildingType: '', floors: '0' };
    const z = ZCreateBuilding.safeParse({ communityId: unit.buildingId, name: '', floors: 0 });
    expect(checkBuilding(f)).toEqual({ name: zodMessage(z, 'name'), floors: zodMessage(z, 'floors') });
  });

  it('a short reason, and areas compared exactly', () => {
    const z = ZEditUnit.safeParse({ exclusiveArea: '88.15', reason: '改' });
    expect(checkUnit({ ...unit, reason: '改' }, true).reason).toBe(zodMessage(z, 'reason'));
    expect(hundredths('88.1')).toBe(hundredths('88.10'));
    expect(hundredths('0.29') + hundredths('0.01')).toBe(hundredths('0.30'));
  });
});
