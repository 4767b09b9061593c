import { useEffect } from 'react';
import { Dialog } from 'tdesign-react';

const KEYS: [string, string][] = [
  ['/', '查找房屋（光标回到输入框）'],
  ['Enter', '查找；只有一户时直接打开账单'],
  ['↑ ↓', '在多个查找结果中选择，Enter 打开'],
  ['Tab / 空格', '在账单间移动，勾选或取消'],
  ['← →', '切换收款方式（现金、转账、刷卡）'],
  ['Enter', '在账单区按下：收款并打开收据打印'],
  ['Esc', '回到查找'],
  ['?', '显示本快捷键列表'],
];

/** Typing into a field (an empty search box still takes `?` as the shortcut). */
const typing = (t: EventTarget | null) =>
  (t instanceof HTMLTextAreaElement || (t instanceof HTMLInputElement && t.type === 'text')) && t.value !== '';

/** `?` anywhere but while typing opens the list; `/` goes back to the search. */
export function useShortcuts(on: { help: () => void; search: () => void }) {
  useEffect(() => {
    const key = (e: KeyboardEvent) => {
      if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === '?') {
        e.preventDefault();
        on.help();
      } else if (e.key === '/') {
        e.preventDefault();
        on.search();
      }
    };
    addEventListener('keydown', key);
    return () => removeEventListener('keydown', key);
  });
}

export function Shortcuts({ visible, onClose }: { visible: boolean; onClose: () => void }) {
  return (
    <Dialog header="键盘快捷键" visible={visible} onClose={onClose} footer={false} width={480}>
      <table className="wyt-shortcuts" data-testid="shortcuts">
        <tbody>
          {KEYS.map(([k, what]) => (
            <tr key={k + what}>
              <th scope="row">
                <kbd className="wyt-kbd">{k}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
