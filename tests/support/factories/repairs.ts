/** A routine repair body for `unitId`, to be overridden field by field. */
export const repairBody = (unitId: string, extra: Record<string, unknown> = {}) => ({
  unitId,
  faultType: 'WATER',
  part: '厨房水龙头',
  phenomenon: '关不紧，一直滴水',
  emergency: false,
  ...extra,
});
