import { useState, type ReactNode } from 'react';
import { Button } from 'tdesign-react';
import { SideDrawer } from '../lib/side-drawer';
import type { Errors } from './validate';

/** One labelled field with its message (the mirrored zod message, or the BFF's) under it. */
export function Field(p: { label: string; error?: string; hint?: string; children: ReactNode }) {
  return (
    <label className="wyt-master__field">
      <span>{p.label}</span>
      {p.children}
      {p.error ? (
        <small role="alert" className="wyt-master__error">
          {p.error}
        </small>
      ) : (
        p.hint && <small className="wyt-master__hint">{p.hint}</small>
      )}
    </label>
  );
}

/**
 * The drawer form beside a table: checks with the mirrored rules first, then sends; the BFF's refusal is
 * shown on its field (details[0].path) or above the buttons. `check` returns the errors by field.
 */
export function FormDrawer(p: {
  header: string;
  check: () => Errors;
  send: () => Promise<unknown>;
  onClose: (saved: boolean) => void;
  errors: Errors;
  setErrors: (e: Errors) => void;
  children: ReactNode;
}) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');
  async function submit() {
    setFailure('');
    const e = p.check();
    p.setErrors(e);
    if (Object.keys(e).length > 0) return;
    setBusy(true);
    try {
      await p.send();
      p.onClose(true);
    } catch (err) {
      setFailure((err as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <SideDrawer open header={p.header} label={p.header} onClose={() => p.onClose(false)}>
      <form
        aria-label={p.header}
        className="wyt-master__form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {p.children}
        {failure && (
          <p role="alert" className="wyt-master__error">
            {failure}
          </p>
        )}
        <div className="wyt-master__actions">
          <Button type="submit" theme="primary" loading={busy}>
            保存
          </Button>
          <Button variant="outline" onClick={() => p.onClose(false)}>
            取消
          </Button>
        </div>
      </form>
    </SideDrawer>
  );
}

/** What a form sends for an optional text: null when emptied, so the BFF clears it. */
export const orNull = (s: string) => (s.trim() ? s.trim() : null);
