import { useState } from 'react';
import { Button, Dialog, Input, Select, Textarea } from 'tdesign-react';
import { api } from '../api';
import { confirm } from '../lib/confirm';
import { useLoad } from '../lib/use-load';

type Option = { id: string; name?: string; number?: string };
type Owner = { name: string; phone: string };

/** Today's Beijing date, the dialog's default transfer date. */
const beijingToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** 登记过户: building → unit, the new owner(s), the date, reason and evidence; asked once more before saving. */
export function TransferDialog({ communityId, onClose }: { communityId: string; onClose: (done: boolean) => void }) {
  const [buildingId, setBuildingId] = useState('');
  const [unitId, setUnitId] = useState('');
  const [owners, setOwners] = useState<Owner[]>([{ name: '', phone: '' }]);
  const [onDate, setOnDate] = useState(beijingToday());
  const [reason, setReason] = useState('二手房买卖');
  const [evidence, setEvidence] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const buildings = useLoad(
    () => api.get<{ items: Option[] }>(`/api/communities/${communityId}/buildings`),
    `b:${communityId}`,
  );
  const units = useLoad(
    () =>
      buildingId ? api.get<{ items: Option[] }>(`/api/buildings/${buildingId}/units`) : Promise.resolve({ items: [] }),
    `u:${buildingId}`,
  );
  const setOwner = (i: number, patch: Partial<Owner>) =>
    setOwners(owners.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  const label = () => {
    const b = buildings.data?.items.find((x) => x.id === buildingId)?.name ?? '';
    const u = units.data?.items.find((x) => x.id === unitId)?.number ?? '';
    return `${b} ${u}室`;
  };

  async function submit() {
    setError('');
    if (!unitId) return setError('请选择楼栋和房号');
    const names = owners.map((o) => o.name.trim()).join('、');
    const sure = await confirm(
      '确认过户',
      `${label()}将于 ${onDate} 过户给 ${names}。原业主及其审核的家属、租户将立即失去这套房屋的访问；此前各期未缴账单记为前业主欠费。`,
      '确认过户',
      { danger: true },
    );
    if (!sure) return;
    setBusy(true);
    try {
      await api.post(`/api/staff/units/${unitId}/transfers`, { owners, onDate, reason, evidence });
      onClose(true);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      visible
      header="登记过户"
      width={560}
      confirmBtn={{ content: '登记', loading: busy }}
      cancelBtn="取消"
      onConfirm={() => void submit()}
      onClose={() => onClose(false)}
    >
      <form
        aria-label="登记过户"
        className="wyt-roles__form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label className="wyt-roles__field">
          <span>楼栋</span>
          <Select
            aria-label="楼栋"
            value={buildingId}
            onChange={(v) => {
              setBuildingId(String(v));
              setUnitId('');
            }}
            options={(buildings.data?.items ?? []).map((b) => ({ label: b.name ?? '', value: b.id }))}
          />
        </label>
        <label className="wyt-roles__field">
          <span>房号</span>
          <Select
            aria-label="房号"
            value={unitId}
            filterable
            disabled={!buildingId}
            onChange={(v) => setUnitId(String(v))}
            options={(units.data?.items ?? []).map((u) => ({ label: u.number ?? '', value: u.id }))}
          />
        </label>
        {owners.map((o, i) => (
          <div key={i} className="wyt-roles__form">
            <label className="wyt-roles__field">
              <span>{i === 0 ? '新业主' : `共有人${i}`}</span>
              <Input placeholder="姓名" value={o.name} onChange={(v) => setOwner(i, { name: String(v) })} />
            </label>
            <label className="wyt-roles__field">
              <span>手机号</span>
              <Input placeholder="13912345678" value={o.phone} onChange={(v) => setOwner(i, { phone: String(v) })} />
            </label>
          </div>
        ))}
        <div>
          <Button
            variant="text"
            onClick={() => setOwners([...owners, { name: '', phone: '' }])}
            disabled={owners.length >= 10}
          >
            添加共有人
          </Button>
        </div>
        <label className="wyt-roles__field">
          <span>过户日期</span>
          <Input value={onDate} placeholder="YYYY-MM-DD" onChange={(v) => setOnDate(String(v))} />
        </label>
        <label className="wyt-roles__field">
          <span>原因</span>
          <Input value={reason} onChange={(v) => setReason(String(v))} />
        </label>
        <label className="wyt-roles__field">
          <span>证明</span>
          <Textarea
            placeholder="如：不动产权证书编号、买卖合同编号"
            value={evidence}
            onChange={(v) => setEvidence(String(v))}
          />
        </label>
        {error && (
          <p role="alert" className="wyt-roles__error">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}
