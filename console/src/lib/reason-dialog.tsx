import { useState } from 'react';
import { Dialog, Input, Textarea } from 'tdesign-react';
import { confirm } from './confirm';
import { yuan } from '../api';
import './reason-dialog.css';

type Props = {
  header: string;
  /** What will happen, asked once more after submitting (it cannot be undone); without it the dialog is the question. */
  warning?: string;
  reasonLabel: string;
  minReason: number;
  confirmText: string;
  /** When set, an amount in yuan is asked for too, at most this many fen. */
  maxFen?: number;
  onSubmit: (reason: string, amountFen?: number) => Promise<unknown>;
  onClose: (done: boolean) => void;
  /** A refusal (驳回, 撤回): the submit button is red. */
  danger?: boolean;
};

/**
 * The console's one form with a reason (and an amount for refunds) for an act that cannot be undone — a
 * void request or its rejection, a refund, an undo, a resolved difference, a refused binding, a withdrawn
 * notice (docs/console.md §Console helpers): with a `warning`, submitting asks once more; then it sends,
 * and the BFF's Chinese message is shown if it refuses. Render it while open; `onClose(true)` after sending.
 */
export function ReasonDialog(p: Props) {
  const [reason, setReason] = useState('');
  const [amount, setAmount] = useState(p.maxFen !== undefined ? (p.maxFen / 100).toFixed(2) : '');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  // Yuan as typed, to whole fen: two decimals at most (money is integer fen, never a float that decides).
  const typed = /^(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
  const fen =
    p.maxFen === undefined ? undefined : typed ? Number(typed[1]) * 100 + Number((typed[2] ?? '').padEnd(2, '0')) : 0;
  async function submit() {
    setError('');
    if (Array.from(reason.trim()).length < p.minReason) return setError(`${p.reasonLabel}至少 ${p.minReason} 个字`);
    if (p.maxFen !== undefined && (!fen || fen < 1 || fen > p.maxFen))
      return setError(`金额应在 ¥0.01 到 ${yuan(p.maxFen)} 之间`);
    const body = fen !== undefined ? `${p.warning}（金额 ${yuan(fen)}）` : p.warning;
    if (p.warning && !(await confirm(`确认${p.confirmText}？`, body, p.confirmText))) return;
    setBusy(true);
    try {
      await p.onSubmit(reason.trim(), fen);
      p.onClose(true);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Dialog
      visible
      header={p.header}
      confirmBtn={{ content: p.confirmText, loading: busy, theme: p.danger ? 'danger' : 'primary' }}
      cancelBtn="取消"
      onConfirm={() => void submit()}
      onClose={() => p.onClose(false)}
    >
      <form
        aria-label={p.header}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {p.maxFen !== undefined && (
          <label className="wyt-reason__field">
            <span>金额（元）</span>
            <Input value={amount} onChange={(v) => setAmount(String(v))} style={{ width: 160 }} />
            <small className="wyt-reason__note">最多可退 {yuan(p.maxFen)}</small>
          </label>
        )}
        <label className="wyt-reason__field">
          <span>{p.reasonLabel}</span>
          {p.minReason > 8 ? (
            <Textarea value={reason} onChange={(v) => setReason(String(v))} />
          ) : (
            <Input value={reason} onChange={(v) => setReason(String(v))} />
          )}
        </label>
        {error && (
          <p role="alert" className="wyt-reason__error">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}
