import { useEffect, useState } from 'react';
import { Checkbox, Dialog, Input, MessagePlugin, Radio, Textarea } from 'tdesign-react';
import { Pick } from './Pick';
import type { ComplaintDetail } from '../../../bff/src/api-types';
import { api } from '../api';
import { CATEGORIES, KIND_LABELS, options } from './labels';

type Named = { id: string; name?: string; number?: string };
const BLANK = { kind: 'COMPLAINT', category: '', text: '', where: 'unit', buildingId: '', unitId: '', place: '' };

/**
 * 代登记 (#31): customer service files a complaint or question for a caller — 电话 or 到访, the caller's
 * name and phone, a unit (building, then room) or a common place — POST …/complaints (the BFF checks
 * every field again and masks the caller in every staff view).
 */
export function FileForCaller(props: {
  open: boolean;
  communityId: string;
  onClose: () => void;
  onFiled: (id: string) => void;
}) {
  const [f, setF] = useState(BLANK);
  const [caller, setCaller] = useState({ channel: 'PHONE', callerName: '', callerPhone: '', urgent: false });
  const [buildings, setBuildings] = useState<Named[]>([]);
  const [units, setUnits] = useState<Named[]>([]);
  const set = (k: keyof typeof BLANK, v: string) => setF((x) => ({ ...x, [k]: v }));
  useEffect(() => {
    if (!props.open) return;
    setF(BLANK);
    setCaller({ channel: 'PHONE', callerName: '', callerPhone: '', urgent: false });
    api.get<{ items: Named[] }>(`/api/communities/${props.communityId}/buildings`).then(
      (r) => setBuildings(r.items),
      () => undefined,
    );
  }, [props.open, props.communityId]);
  useEffect(() => {
    setUnits([]);
    if (f.buildingId)
      api.get<{ items: Named[] }>(`/api/buildings/${f.buildingId}/units`).then(
        (r) => setUnits(r.items),
        () => undefined,
      );
  }, [f.buildingId]);

  const submit = async () => {
    const body = {
      kind: f.kind,
      category: f.category,
      text: f.text.trim(),
      ...(f.where === 'unit' ? { unitId: f.unitId || undefined } : { place: f.place.trim() || undefined }),
      ...caller,
      callerName: caller.callerName.trim(),
    };
    try {
      const made = await api.post<ComplaintDetail>(`/api/staff/communities/${props.communityId}/complaints`, body);
      void MessagePlugin.success('已代登记');
      props.onFiled(made.id);
    } catch (e) {
      void MessagePlugin.error((e as Error).message);
    }
  };

  return (
    <Dialog
      visible={props.open}
      header="代登记投诉或咨询"
      confirmBtn="登记"
      cancelBtn="取消"
      onClose={props.onClose}
      onConfirm={() => void submit()}
      width={560}
    >
      <div className="wyt-voice__form" data-testid="file-for-caller">
        <Radio.Group
          value={caller.channel}
          onChange={(v) => setCaller((c) => ({ ...c, channel: String(v) }))}
          aria-label="来源"
        >
          <Radio value="PHONE">电话</Radio>
          <Radio value="VISIT">到访</Radio>
        </Radio.Group>
        <label className="wyt-voice__field">
          来访人姓名
          <Input
            value={caller.callerName}
            onChange={(v) => setCaller((c) => ({ ...c, callerName: String(v) }))}
            maxlength={20}
          />
        </label>
        <label className="wyt-voice__field">
          联系电话
          <Input
            value={caller.callerPhone}
            onChange={(v) => setCaller((c) => ({ ...c, callerPhone: String(v) }))}
            maxlength={20}
          />
        </label>
        <div className="wyt-actions__row">
          <Pick
            label="类型"
            value={f.kind}
            onChange={(v) => set('kind', String(v))}
            style={{ width: 100 }}
            options={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))}
          />
          <Pick
            label="类别"
            placeholder="类别"
            value={f.category}
            onChange={(v) => set('category', String(v ?? ''))}
            options={options(CATEGORIES)}
            style={{ width: 140 }}
          />
          <Checkbox checked={caller.urgent} onChange={(v) => setCaller((c) => ({ ...c, urgent: Boolean(v) }))}>
            紧急
          </Checkbox>
        </div>
        <Radio.Group value={f.where} onChange={(v) => set('where', String(v))} aria-label="位置">
          <Radio value="unit">房屋</Radio>
          <Radio value="place">公共区域</Radio>
        </Radio.Group>
        {f.where === 'unit' ? (
          <div className="wyt-actions__row">
            <Pick
              label="楼栋"
              placeholder="楼栋"
              value={f.buildingId}
              onChange={(v) => setF((x) => ({ ...x, buildingId: String(v ?? ''), unitId: '' }))}
              options={buildings.map((b) => ({ value: b.id, label: b.name ?? '' }))}
              style={{ width: 160 }}
            />
            <Pick
              label="房号"
              placeholder="房号"
              value={f.unitId}
              onChange={(v) => set('unitId', String(v ?? ''))}
              filterable
              options={units.map((u) => ({ value: u.id, label: u.number ?? '' }))}
              style={{ width: 160 }}
            />
          </div>
        ) : (
          <label className="wyt-voice__field">
            地点
            <Input
              value={f.place}
              onChange={(v) => set('place', String(v))}
              maxlength={50}
              placeholder="如：东门岗亭"
            />
          </label>
        )}
        <label className="wyt-voice__field">
          内容
          <Textarea
            value={f.text}
            onChange={(v) => set('text', String(v))}
            maxlength={1000}
            autosize={{ minRows: 3 }}
          />
        </label>
      </div>
    </Dialog>
  );
}
