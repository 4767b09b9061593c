import { useEffect, useMemo, useRef, useState } from 'react';
import type { BillListPage, CounterUnitSearch } from '../../../bff/src/api-types';
import { yuan } from '../api';
import { amountInWords } from '../lib/amount-in-words';
import { unitLink } from '../cashier-bills/link';

export type Channel = 'CASH' | 'TRANSFER' | 'POS';
const CHANNELS: [Channel, string][] = [
  ['CASH', '现金'],
  ['TRANSFER', '转账'],
  ['POS', '刷卡'],
];

type Props = {
  unit: CounterUnitSearch['items'][number];
  bills: BillListPage;
  onPay: (billIds: string[], amountFen: number, channel: Channel, payer: 'OWNER' | 'DEVELOPER') => Promise<void>;
  onEscape: () => void;
};

/**
 * A unit's open bills, oldest first with the oldest checked (the law's order, Civil Code art. 560), the
 * channel, and Enter to take the money. Focus lands on the channel, so Enter alone takes cash.
 */
export function UnitBills({ unit, bills, onPay, onEscape }: Props) {
  // The oldest of the current owner's: a former owner's bill (前业主) is taken only when the cashier ticks it.
  const [checked, setChecked] = useState<string[]>(() => {
    const oldest = bills.items.find((b) => !b.seller);
    return oldest ? [oldest.id] : [];
  });
  const [channel, setChannel] = useState<Channel>('CASH');
  const [error, setError] = useState<Error>();
  const [paying, setPaying] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const chosen = useMemo(() => bills.items.filter((b) => checked.includes(b.id)), [bills, checked]);
  const amountFen = chosen.reduce((s, b) => s + b.payableFen, 0);
  const payers = [...new Set(chosen.map((b) => b.payer))];

  async function submit() {
    if (paying) return;
    setError(undefined);
    if (!chosen.length) return setError(new Error('请至少勾选一笔账单'));
    if (payers.length > 1) return setError(new Error('业主和开发商的账单请分开收款'));
    setPaying(true);
    try {
      await onPay(
        chosen.map((b) => b.id),
        amountFen,
        channel,
        payers[0]!,
      );
    } catch (err) {
      setError(err as Error);
      setPaying(false);
    }
  }

  if (!bills.items.length)
    return (
      <p className="wyt-state" data-testid="empty-state">
        {unit.label} 没有待缴账单
      </p>
    );
  return (
    <form
      className="wyt-counter__pay"
      aria-label={`${unit.label} 收款`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onEscape();
        if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) {
          e.preventDefault();
          void submit();
        }
      }}
    >
      <h2>
        {unit.label} <small>{unit.owners.join('、')}</small>{' '}
        <small>
          <a href={unitLink(unit.unitId, unit.label)}>账单与缴费历史</a>
        </small>
      </h2>
      <table className="wyt-counter__bills">
        <caption className="wyt-sr-only">待缴账单，最早的在前</caption>
        <thead>
          <tr>
            <th scope="col">收取</th>
            <th scope="col">项目</th>
            <th scope="col">账期</th>
            <th scope="col">缴款方</th>
            <th scope="col" className="num">
              应缴
            </th>
          </tr>
        </thead>
        <tbody>
          {bills.items.map((b) => (
            <tr key={b.id}>
              <td>
                <input
                  type="checkbox"
                  id={`bill-${b.id}`}
                  checked={checked.includes(b.id)}
                  onChange={(e) => setChecked((c) => (e.target.checked ? [...c, b.id] : c.filter((id) => id !== b.id)))}
                />
              </td>
              <td>
                <label htmlFor={`bill-${b.id}`}>{b.item.name}</label>
              </td>
              <td>{b.opening ? `期初 ${b.period}` : b.period}</td>
              {/* 前业主: owed before the unit's transfer; the cashier takes it only when chosen on purpose. */}
              <td>{b.payer === 'DEVELOPER' ? '开发商' : b.seller ? '前业主' : '业主'}</td>
              <td className="num">{yuan(b.payableFen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <fieldset className="wyt-counter__channel">
        <legend>收款方式</legend>
        {CHANNELS.map(([value, label], i) => (
          <label key={value}>
            <input
              ref={i === 0 ? first : undefined}
              type="radio"
              name="channel"
              value={value}
              checked={channel === value}
              onChange={() => setChannel(value)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <p className="wyt-counter__total" data-testid="counter-total">
        合计 <strong>{yuan(amountFen)}</strong> <span>{amountInWords(amountFen)}</span>
      </p>
      {error && (
        <p role="alert" className="wyt-counter__error">
          {error.message}
        </p>
      )}
      <button type="submit" className="t-button t-button--theme-primary" disabled={paying}>
        收款并打印收据（Enter）
      </button>
    </form>
  );
}
