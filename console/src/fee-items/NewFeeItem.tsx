import { useState } from 'react';
import { Button, Input, MessagePlugin, Select } from 'tdesign-react';
import { api } from '../api';
import { SideDrawer } from '../lib/side-drawer';
import { AMOUNT_UNITS, CYCLE_LABELS, KIND_LABELS, recurring, type FeeKind } from './labels';
import { fenOf } from './money';
import './fee-items.css';

const EMPTY = { kind: 'PROPERTY' as FeeKind, name: '', amount: '', cycle: 'MONTH', buildingType: '' };

/**
 * 新建收费标准 in the drawer beside the list: the amount is typed in yuan with at most two places and
 * sent as integer fen; the BFF checks the rest (cycle only for recurring kinds, one active standard per
 * kind and scope) and its Chinese message is shown as it is.
 */
export function NewFeeItem(p: { open: boolean; base: string; onClose: (made: boolean) => void }) {
  const [form, setForm] = useState(EMPTY);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<typeof EMPTY>) => setForm({ ...form, ...change });
  const close = (made: boolean) => {
    setForm(EMPTY);
    setError('');
    p.onClose(made);
  };

  async function submit() {
    const amountFen = fenOf(form.amount);
    if (amountFen === undefined || amountFen === 0) return setError('请填写金额，以元为单位，最多两位小数');
    setError('');
    setBusy(true);
    try {
      await api.post(`${p.base}/fee-items`, {
        kind: form.kind,
        name: form.name.trim() || KIND_LABELS[form.kind],
        amountFen,
        ...(recurring(form.kind) ? { cycle: form.cycle } : {}),
        ...(form.kind === 'PROPERTY' && form.buildingType.trim() ? { buildingType: form.buildingType.trim() } : {}),
      });
      void MessagePlugin.success('已新建收费标准');
      close(true);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <SideDrawer open={p.open} header="新建收费标准" label="新建收费标准" onClose={() => close(false)}>
      <form
        aria-label="新建收费标准"
        className="wyt-fee__form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label className="wyt-fee__field">
          <span>类型</span>
          <Select
            aria-label="类型"
            value={form.kind}
            onChange={(v) => set({ kind: v as FeeKind })}
            options={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </label>
        <label className="wyt-fee__field">
          <span>名称</span>
          <Input
            name="name"
            value={form.name}
            maxlength={40}
            placeholder={KIND_LABELS[form.kind]}
            onChange={(v) => set({ name: String(v) })}
          />
        </label>
        <label className="wyt-fee__field">
          <span>金额</span>
          <Input
            name="amount"
            value={form.amount}
            placeholder="例如 2.35"
            suffix={AMOUNT_UNITS[form.kind]}
            onChange={(v) => set({ amount: String(v) })}
          />
        </label>
        {recurring(form.kind) && (
          <label className="wyt-fee__field">
            <span>计费周期</span>
            <Select
              aria-label="计费周期"
              value={form.cycle}
              onChange={(v) => set({ cycle: String(v) })}
              options={Object.entries(CYCLE_LABELS).map(([value, label]) => ({ value, label }))}
            />
          </label>
        )}
        {form.kind === 'PROPERTY' && (
          <label className="wyt-fee__field">
            <span>楼栋类型</span>
            <Input
              name="buildingType"
              value={form.buildingType}
              maxlength={20}
              placeholder="不填则适用全部楼栋，如：高层、别墅"
              onChange={(v) => set({ buildingType: String(v) })}
            />
          </label>
        )}
        {error && (
          <p role="alert" className="wyt-fee__error">
            {error}
          </p>
        )}
        <div className="wyt-mgr__bar">
          <Button theme="primary" type="submit" loading={busy}>
            保存
          </Button>
          <Button variant="outline" onClick={() => close(false)}>
            取消
          </Button>
        </div>
      </form>
    </SideDrawer>
  );
}
