import { useState } from 'react';
import { Checkbox, Input, Select } from 'tdesign-react';
import { api } from '../api';
import { Field, FormDrawer } from './form-kit';
import { AREA_SOURCES, type BuildingRow, type UnitRow } from './types';
import { checkUnit, hundredths, type Errors, type UnitForm } from './validate';

const same = (a: string, b: string) => /^\d+(\.\d+)?$/.test(a.trim()) && hundredths(a) === hundredths(b);

/**
 * 新建 / 编辑房屋. A change of either area or of its source asks for 变更原因 (docs/master-data.md §Areas):
 * the field appears as soon as one of them differs from the stored value.
 */
export function UnitDrawer(p: {
  buildings: BuildingRow[];
  /** The building the table is filtered to: a new unit goes there unless another is chosen. */
  buildingId?: string;
  row?: UnitRow;
  onClose: (saved: boolean) => void;
}) {
  const r = p.row;
  const [f, setF] = useState<UnitForm>({
    buildingId: r?.buildingId ?? (p.buildingId || p.buildings[0]?.id) ?? '',
    number: r?.number ?? '',
    floor: r?.floor.toString() ?? '',
    buildingArea: r?.buildingArea ?? '',
    exclusiveArea: r?.exclusiveArea ?? '',
    areaSource: r?.areaSource ?? 'REGISTERED',
    deliveredAt: r?.deliveredAt ?? '',
    developerHeld: r?.developerHeld ?? false,
    reason: '',
  });
  const [errors, setErrors] = useState<Errors>({});
  const areaChanged =
    !!r &&
    (!same(f.buildingArea, r.buildingArea) || !same(f.exclusiveArea, r.exclusiveArea) || f.areaSource !== r.areaSource);
  const set = (k: keyof UnitForm) => (v: unknown) => setF({ ...f, [k]: typeof v === 'boolean' ? v : String(v) });
  const body = {
    buildingId: f.buildingId,
    number: f.number.trim(),
    floor: Number(f.floor),
    buildingArea: f.buildingArea.trim(),
    exclusiveArea: f.exclusiveArea.trim(),
    areaSource: f.areaSource,
    deliveredAt: f.deliveredAt.trim() || null,
    developerHeld: f.developerHeld,
  };
  return (
    <FormDrawer
      header={r ? `编辑房屋 ${r.building} ${r.number}` : '新建房屋'}
      check={() => checkUnit(f, areaChanged)}
      send={() =>
        r
          ? api.patch(`/api/staff/master/units/${r.id}`, {
              ...body,
              ...(areaChanged ? { reason: f.reason.trim() } : {}),
            })
          : api.post('/api/staff/master/units', body)
      }
      errors={errors}
      setErrors={setErrors}
      onClose={p.onClose}
    >
      <Field label="楼栋" error={errors.buildingId}>
        <Select
          value={f.buildingId}
          onChange={set('buildingId')}
          options={p.buildings.map((b) => ({ label: b.name, value: b.id }))}
        />
      </Field>
      <Field label="房号" error={errors.number}>
        <Input value={f.number} onChange={set('number')} placeholder="例如 1201" />
      </Field>
      <Field label="楼层" error={errors.floor}>
        <Input value={f.floor} onChange={set('floor')} />
      </Field>
      <Field label="建筑面积（㎡）" error={errors.buildingArea}>
        <Input value={f.buildingArea} onChange={set('buildingArea')} placeholder="例如 89.50" />
      </Field>
      <Field label="专有面积（㎡）" error={errors.exclusiveArea} hint="业主投票按专有部分面积计算">
        <Input value={f.exclusiveArea} onChange={set('exclusiveArea')} placeholder="例如 75.20" />
      </Field>
      <Field label="面积来源" error={errors.areaSource} hint="依次以产权登记、测绘报告、购房合同为准">
        <Select value={f.areaSource} onChange={set('areaSource')} options={AREA_SOURCES} />
      </Field>
      {areaChanged && (
        <Field label="变更原因" error={errors.reason} hint="面积或来源的变更会记入审计日志">
          <Input value={f.reason} onChange={set('reason')} placeholder="例如 取得不动产权证书" />
        </Field>
      )}
      <Field label="交付日期" error={errors.deliveredAt} hint="未交付可留空">
        <Input value={f.deliveredAt} onChange={set('deliveredAt')} placeholder="2026-12-01" />
      </Field>
      <Checkbox checked={f.developerHeld} onChange={set('developerHeld')}>
        开发商持有
      </Checkbox>
    </FormDrawer>
  );
}
