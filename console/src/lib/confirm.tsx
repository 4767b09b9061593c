import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { Dialog } from 'tdesign-react';

/**
 * A confirmation before anything that cannot be undone: resolves true only on the confirm button.
 * A `Dialog` in a root of its own rather than TDesign's DialogPlugin, whose module (with lodash's
 * cloneDeep) would otherwise land in the counter's first load (docs/console.md §Decision).
 */
export function confirm(header: string, body: ReactNode, confirmText = '确认'): Promise<boolean> {
  return new Promise((resolve) => {
    const host = document.body.appendChild(document.createElement('div'));
    const root = createRoot(host);
    const done = (yes: boolean) => {
      resolve(yes);
      root.unmount();
      host.remove();
    };
    root.render(
      <Dialog
        visible
        header={header}
        body={body}
        confirmBtn={confirmText}
        cancelBtn="取消"
        onConfirm={() => done(true)}
        onClose={() => done(false)}
      />,
    );
  });
}
