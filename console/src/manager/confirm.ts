import { DialogPlugin } from 'tdesign-react';

/**
 * Asks before anything that cannot be undone (#26): resolves true only on the confirm button; Esc,
 * the close button, cancel or a click outside are "no".
 */
export function confirmFirst(opts: { header: string; body: string; confirm: string; danger?: boolean }) {
  return new Promise<boolean>((resolve) => {
    let done = false;
    const finish = (yes: boolean) => {
      if (done) return;
      done = true;
      dialog.destroy();
      resolve(yes);
    };
    const dialog = DialogPlugin.confirm({
      header: opts.header,
      body: opts.body,
      theme: opts.danger ? 'warning' : 'default',
      confirmBtn: { content: opts.confirm, theme: opts.danger ? 'danger' : 'primary' },
      cancelBtn: '取消',
      onConfirm: () => finish(true),
      onClose: () => finish(false),
    });
  });
}
