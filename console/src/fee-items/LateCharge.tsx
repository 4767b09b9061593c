import { useEffect, useState } from 'react';
import { Button, Input, MessagePlugin, Switch } from 'tdesign-react';
import type { FeeSettingsView } from '../../../bff/src/api-types';
import { api } from '../api';
import { ErrorState, LoadingState } from '../states';
import { bpsOfPercent, percentOfBps } from './money';
import './fee-items.css';

type Draft = { enabled: boolean; daily: string; cap: string; grace: string };
const draftOf = (s: FeeSettingsView): Draft => ({
  enabled: s.lateFeeEnabled,
  daily: String(s.lateFeeBpsPerDay),
  cap: percentOfBps(s.lateFeeCapBps),
  grace: String(s.lateFeeGraceDays),
});
const whole = (s: string) => (/^\d{1,4}$/.test(s.trim()) ? Number(s.trim()) : undefined);

/**
 * 违约金 (docs/domain.md §4, Late charges): off unless the service contract has one; when on, a daily rate
 * in ten-thousandths of the principal (at most 10, i.e. 0.1% a day), a cap in percent of the principal
 * (at most 30%) and grace days. The BFF enforces the limits and answers in Chinese.
 */
export function LateCharge({ base, editor }: { base: string; editor: boolean }) {
  const [draft, setDraft] = useState<Draft>();
  const [error, setError] = useState<Error>();
  const [message, setMessage] = useState('');
  const load = () => {
    setError(undefined);
    api.get<FeeSettingsView>(`${base}/fee-settings`).then((s) => setDraft(draftOf(s)), setError);
  };
  useEffect(load, [base]);
  if (error) return <ErrorState error={error} retry={load} />;
  if (!draft) return <LoadingState />;

  async function save(d: Draft) {
    setMessage('');
    const daily = whole(d.daily);
    const cap = bpsOfPercent(d.cap);
    const grace = whole(d.grace);
    if (daily === undefined || cap === undefined || grace === undefined)
      return setMessage('日费率和宽限天数须为整数，上限为百分数（最多两位小数）');
    try {
      const saved = await api.put<FeeSettingsView>(`${base}/fee-settings`, {
        lateFeeEnabled: d.enabled,
        lateFeeBpsPerDay: daily,
        lateFeeCapBps: cap,
        lateFeeGraceDays: grace,
      });
      setDraft(draftOf(saved));
      void MessagePlugin.success('违约金设置已保存');
    } catch (e) {
      setMessage((e as Error).message);
    }
  }

  const field = (key: 'daily' | 'cap' | 'grace', label: string, suffix: string) => (
    <label className="wyt-fee__field">
      <span>{label}</span>
      <Input
        name={key}
        value={draft[key]}
        disabled={!editor || !draft.enabled}
        suffix={suffix}
        onChange={(v) => setDraft({ ...draft, [key]: String(v) })}
      />
    </label>
  );
  return (
    <section aria-label="违约金" className="wyt-fee__late">
      <h2>违约金</h2>
      <p className="wyt-mgr__note">法律没有规定违约金，只有物业服务合同约定时才开启；只按本金计，不计复利，有上限。</p>
      <form
        aria-label="违约金设置"
        className="wyt-fee__form"
        onSubmit={(e) => {
          e.preventDefault();
          void save(draft);
        }}
      >
        <label className="wyt-fee__field">
          <span>收取违约金</span>
          <Switch
            aria-label="收取违约金"
            aria-checked={draft.enabled} // TDesign's role="switch" leaves its state unsaid (axe: aria-required-attr)
            value={draft.enabled}
            disabled={!editor}
            onChange={(v) => setDraft({ ...draft, enabled: Boolean(v) })}
          />
        </label>
        {field('daily', '日费率（万分之）', '每日，最高 10')}
        {field('cap', '上限（本金的）', '%，最高 30')}
        {field('grace', '宽限期', '天')}
        {message && (
          <p role="alert" className="wyt-fee__error">
            {message}
          </p>
        )}
        {editor && (
          <div className="wyt-mgr__bar">
            <Button theme="primary" type="submit">
              保存违约金设置
            </Button>
          </div>
        )}
      </form>
    </section>
  );
}
