import { useEffect, useRef, type ReactNode } from 'react';
import { Drawer } from 'tdesign-react';
import './side-drawer.css';
import './screen.css';

/**
 * The detail beside a list (docs/console.md §Console helpers): a drawer without an overlay, so the list stays in place and usable.
 * Its scrolling body is a named region the keyboard can reach (axe: scrollable-region-focusable).
 */
export function SideDrawer(props: {
  open: boolean;
  header: ReactNode;
  label: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  // Beside, not over: the page makes room for the drawer while it is open.
  useEffect(() => {
    const main = document.querySelector('.wyt-shell__main');
    main?.classList.toggle('wyt-main--beside', props.open);
    return () => main?.classList.remove('wyt-main--beside');
  }, [props.open]);
  useEffect(() => {
    const body = box.current?.closest('.t-drawer')?.querySelector('.t-drawer__body');
    body?.setAttribute('tabindex', '0');
    body?.setAttribute('role', 'region');
    body?.setAttribute('aria-label', props.label);
  });
  return (
    <Drawer
      visible={props.open}
      header={props.header}
      onClose={props.onClose}
      showOverlay={false}
      footer={false}
      size="var(--wyt-drawer)"
      className="wyt-side-drawer"
      destroyOnClose
    >
      <div ref={box}>{props.children}</div>
    </Drawer>
  );
}
