import { useState } from 'react';
import { Input, Select } from 'tdesign-react';
import { api } from '../api';
import { Field, FormDrawer, orNull } from './form-kit';
import type { CommunityRow } from './types';
import { checkCommunity, hundredths, type CommunityForm, type Errors } from './validate';

/** 新建 / 编辑小区 (company admins only): name, address, 所在区, 总建筑面积 (a change needs 变更原因). */
export function CommunityDrawer(p: {
  companies: { id: string; name: string }[];
  row?: CommunityRow;
  onClose: (saved: boolean) => void;
}) {
  const r = p.row;
  const [companyId, setCompanyId] = useState(r?.companyId ?? p.companies[0]?.id ?? '');
  const [f, setF] = useState<CommunityForm>({
    name: r?.name ?? '',
    address: r?.address ?? '',
    district: r?.district ?? '',
    totalBuildingArea: r?.totalBuildingArea ?? '',
    reason: '',
  });
  const [errors, setErrors] = useState<Errors>({});
  const before = r?.totalBuildingArea ?? '';
  const now = f.totalBuildingArea.trim();
  const areaChanged =
    !!r && (/^\d+(\.\d+)?$/.test(now) && before ? hundredths(now) !== hundredths(before) : now !== before);
  const set = (k: keyof CommunityForm) => (v: unknown) => setF({ ...f, [k]: String(v) });
  const body = {
    name: f.name.trim(),
    address: f.address.trim(),
    district: orNull(f.district),
    totalBuildingArea: orNull(f.totalBuildingArea),
  };
  return (
    <FormDrawer
      header={r ? `编辑小区 ${r.name}` : '新建小区'}
      check={() => checkCommunity(f, areaChanged)}
      send={() =>
        r
          ? api.patch(`/api/staff/master/communities/${r.id}`, {
              ...body,
              ...(areaChanged ? { reason: f.reason.trim() } : {}),
            })
          : api.post('/api/staff/master/communities', { companyId, ...body })
      }
      errors={errors}
      setErrors={setErrors}
      onClose={p.onClose}
    >
      {!r && p.companies.length > 1 && (
        <Field label="所属公司">
          <Select
            value={companyId}
            onChange={(v) => setCompanyId(String(v))}
            options={p.companies.map((c) => ({ label: c.name, value: c.id }))}
          />
        </Field>
      )}
      <Field label="小区名称" error={errors.name}>
        <Input value={f.name} onChange={set('name')} />
      </Field>
      <Field label="地址" error={errors.address}>
        <Input value={f.address} onChange={set('address')} />
      </Field>
      <Field label="所在区" error={errors.district}>
        <Input value={f.district} onChange={set('district')} placeholder="例如 浦东新区" />
      </Field>
      <Field label="总建筑面积（㎡）" error={errors.totalBuildingArea}>
        <Input value={f.totalBuildingArea} onChange={set('totalBuildingArea')} />
      </Field>
      {areaChanged && (
        <Field label="变更原因" error={errors.reason}>
          <Input value={f.reason} onChange={set('reason')} />
        </Field>
      )}
    </FormDrawer>
  );
}
