import { useState } from 'react';
import { AutoComplete, Input } from 'tdesign-react';
import { api } from '../api';
import { Field, FormDrawer, orNull } from './form-kit';
import { BUILDING_TYPES, type BuildingRow } from './types';
import { checkBuilding, type Errors } from './validate';

/** 新建 / 编辑楼栋: name, type, floors. */
export function BuildingDrawer(p: { communityId: string; row?: BuildingRow; onClose: (saved: boolean) => void }) {
  const [f, setF] = useState({
    name: p.row?.name ?? '',
    buildingType: p.row?.buildingType ?? '',
    floors: p.row?.floors?.toString() ?? '',
  });
  const [errors, setErrors] = useState<Errors>({});
  const body = {
    name: f.name.trim(),
    buildingType: orNull(f.buildingType),
    floors: f.floors.trim() ? Number(f.floors) : null,
  };
  return (
    <FormDrawer
      header={p.row ? `编辑楼栋 ${p.row.name}` : '新建楼栋'}
      check={() => checkBuilding(f)}
      send={() =>
        p.row
          ? api.patch(`/api/staff/master/buildings/${p.row.id}`, body)
          : api.post('/api/staff/master/buildings', { communityId: p.communityId, ...body })
      }
      errors={errors}
      setErrors={setErrors}
      onClose={p.onClose}
    >
      <Field label="楼栋名称" error={errors.name}>
        <Input value={f.name} onChange={(v) => setF({ ...f, name: String(v) })} placeholder="例如 3号楼" />
      </Field>
      <Field label="楼栋类型" error={errors.buildingType} hint="住宅、别墅、商铺等，收费标准可按类型区分">
        <AutoComplete
          value={f.buildingType}
          options={BUILDING_TYPES}
          onChange={(v) => setF({ ...f, buildingType: String(v) })}
        />
      </Field>
      <Field label="层数" error={errors.floors}>
        <Input value={f.floors} onChange={(v) => setF({ ...f, floors: String(v) })} />
      </Field>
    </FormDrawer>
  );
}
