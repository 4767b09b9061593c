import type { ReactNode } from 'react';
import { DialogPlugin } from 'tdesign-react';

/** A confirmation before anything that cannot be undone: resolves true only on the confirm button. */
export function confirm(header: string, body: ReactNode, confirmText = '确认'): Promise<boolean> {
  return new Promise((resolve) => {
    const dialog = DialogPlugin.confirm({
      header,
      body,
      confirmBtn: confirmText,
      cancelBtn: '取消',
      onConfirm: () => {
        resolve(true);
        dialog.destroy();
      },
      onClose: () => {
        resolve(false);
        dialog.destroy();
      },
    });
  });
}
