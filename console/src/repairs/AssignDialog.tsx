import { useEffect, useRef } from 'react';
import { Dialog } from 'tdesign-react';
import type { Technician } from '../../../bff/src/api-types';

/**
 * Choosing a technician by keyboard (#26): the first is focused, ↑ ↓ move, Enter assigns, Esc closes.
 * The same choice the board offers by dragging a card onto a technician.
 */
export function AssignDialog(props: {
  title: string | undefined;
  technicians: Technician[];
  onChoose: (t: Technician) => void;
  onClose: () => void;
}) {
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (props.title) setTimeout(() => list.current?.querySelector('button')?.focus(), 0);
  }, [props.title]);
  const move = (e: React.KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const buttons = [...(list.current?.querySelectorAll('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    buttons[(at + (e.key === 'ArrowDown' ? 1 : buttons.length - 1)) % buttons.length]?.focus();
  };
  return (
    <Dialog
      visible={Boolean(props.title)}
      header={`派单：${props.title ?? ''}`}
      footer={false}
      onClose={props.onClose}
      destroyOnClose
    >
      <p className="wyt-mgr__note">↑ ↓ 选择维修工，Enter 派单，Esc 取消</p>
      <ul className="wyt-assign" ref={list} onKeyDown={move} aria-label="维修工" data-testid="assign-dialog">
        {props.technicians.map((t) => (
          <li key={t.id}>
            <button type="button" onClick={() => props.onChoose(t)}>
              {t.name}
              <span>在办 {t.openJobs}</span>
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
