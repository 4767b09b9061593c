import { useState } from 'react';
import { Input, Select } from 'tdesign-react';
import { api } from '../api';
import { useLoad } from '../lib/use-load';
import { Field, FormDrawer, orNull } from './form-kit';
import { PARKING_KINDS, type BuildingRow, type ParkingRow, type UnitRow } from './types';
import { checkParking, hundredths, type Errors, type ParkingForm } from './validate';

/** 新建 / 编辑车位: number, kind, area (a change needs 变更原因), the owner's or renter's unit. */
export function ParkingDrawer(p: {
  communityId: string;
  buildings: BuildingRow[];
  row?: ParkingRow;
  onClose: (saved: boolean) => void;
}) {
  const r = p.row;
  const [f, setF] = useState<ParkingForm>({
    number: r?.number ?? '',
    kind: r?.kind ?? '',
    area: r?.area ?? '',
    unitId: r?.unitId ?? '',
    reason: '',
  });
  const [buildingId, setBuildingId] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const units = useLoad(
    () =>
      buildingId
        ? api.get<{ items: UnitRow[] }>(
            `/api/staff/master/units?communityId=${p.communityId}&buildingId=${buildingId}&limit=100`,
          )
        : Promise.resolve({ items: [] as UnitRow[] }),
    buildingId,
  );
  const valid = (s: string) => /^\d+(\.\d+)?$/.test(s.trim());
  const areaChanged =
    !!r &&
    (f.area.trim() && valid(f.area) && r.area
      ? hundredths(f.area) !== hundredths(r.area)
      : f.area.trim() !== (r.area ?? ''));
  const set = (k: keyof ParkingForm) => (v: unknown) => setF({ ...f, [k]: String(v ?? '') });
  const body = { number: f.number.trim(), kind: f.kind || null, area: orNull(f.area), unitId: f.unitId || null };
  const unitOptions = [
    ...(r?.unitId && r.unit ? [{ label: `${r.unit}（当前）`, value: r.unitId }] : []),
    ...(units.data?.items ?? [])
      .filter((u) => u.id !== r?.unitId)
      .map((u) => ({ label: `${u.building} ${u.number}`, value: u.id })),
  ];
  return (
    <FormDrawer
      header={r ? `编辑车位 ${r.number}` : '新建车位'}
      check={() => checkParking(f, areaChanged)}
      send={() =>
        r
          ? api.patch(`/api/staff/master/parking/${r.id}`, {
              ...body,
              ...(areaChanged ? { reason: f.reason.trim() } : {}),
            })
          : api.post('/api/staff/master/parking', { communityId: p.communityId, ...body })
      }
      errors={errors}
      setErrors={setErrors}
      onClose={p.onClose}
    >
      <Field label="车位号" error={errors.number}>
        <Input value={f.number} onChange={set('number')} placeholder="例如 B1-023" />
      </Field>
      <Field label="车位类型" error={errors.kind}>
        <Select value={f.kind} onChange={set('kind')} options={PARKING_KINDS} clearable />
      </Field>
      <Field label="面积（㎡）" error={errors.area} hint="没有可留空">
        <Input value={f.area} onChange={set('area')} />
      </Field>
      {areaChanged && (
        <Field label="变更原因" error={errors.reason}>
          <Input value={f.reason} onChange={set('reason')} />
        </Field>
      )}
      <Field label="业主或租户所在楼栋">
        <Select
          value={buildingId}
          onChange={(v) => setBuildingId(String(v ?? ''))}
          options={p.buildings.map((b) => ({ label: b.name, value: b.id }))}
          clearable
        />
      </Field>
      <Field label="业主或租户的房屋" error={errors.unitId} hint="变更会记入审计日志">
        <Select value={f.unitId} onChange={set('unitId')} options={unitOptions} clearable loading={units.loading} />
      </Field>
    </FormDrawer>
  );
}
