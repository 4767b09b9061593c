import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { Dialog } from 'tdesign-react';

/**
 * Asks before anything that cannot be undone (docs/console.md §Console helpers): resolves true only on
 * the confirm button; Esc, the close button, cancel or a click outside are "no". `danger` makes it a
 * warning with a red button (a refusal, a deletion). A `Dialog` in a root of its own rather than
 * TDesign's DialogPlugin, whose module (with lodash's cloneDeep) would otherwise land in the counter's
 * first load (docs/console.md §Decision).
 */
export function confirm(
  header: string,
  body: ReactNode,
  confirmText = '确认',
  opts: { danger?: boolean } = {},
): Promise<boolean> {
  return new Promise((resolve) => {
    const host = document.body.appendChild(document.createElement('div'));
    const root = createRoot(host);
    let settled = false;
    const done = (yes: boolean) => {
      if (settled) return;
      settled = true;
      resolve(yes);
      root.unmount();
      host.remove();
    };
    root.render(
      <Dialog
        visible
        header={header}
        body={body}
        theme={opts.danger ? 'warning' : 'default'}
        confirmBtn={{ content: confirmText, theme: opts.danger ? 'danger' : 'primary' }}
        cancelBtn="取消"
        onConfirm={() => done(true)}
        onClose={() => done(false)}
      />,
    );
  });
}
