import { useEffect, useRef, useState } from 'react';
import type { BillListPage, CounterReceipt, CounterUnitSearch } from '../../../bff/src/api-types';
import { api } from '../api';
import { go } from '../route';
import { EmptyState, ErrorState, LoadingState } from '../states';
import { Shortcuts, useShortcuts } from './Shortcuts';
import { UnitBills, type Channel } from './UnitBills';
import './counter.css';

type Unit = CounterUnitSearch['items'][number];

/**
 * The counter (docs/console.md, Counter), by keyboard: type the unit (`3-1-602`, a phone's last four
 * digits or a name) and Enter → the unit's open bills, oldest checked → channel (← →) → Enter → the
 * receipt opens for printing. `?` lists the shortcuts.
 */
export function Counter({ communityId }: { communityId: string }) {
  const search = useRef<HTMLInputElement>(null);
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Unit[]>();
  const [active, setActive] = useState(0);
  const [unit, setUnit] = useState<Unit>();
  const [bills, setBills] = useState<BillListPage>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const [help, setHelp] = useState(false);
  useShortcuts({ help: () => setHelp(true), search: () => search.current?.focus() });

  useEffect(() => {
    setFound(undefined);
    setUnit(undefined);
    setBills(undefined);
    search.current?.focus();
  }, [communityId]);

  async function find() {
    if (!q.trim()) return;
    setError(undefined);
    setUnit(undefined);
    setBills(undefined);
    setBusy(true);
    try {
      const r = await api.get<CounterUnitSearch>(
        `/api/staff/communities/${communityId}/counter/units?q=${encodeURIComponent(q.trim())}`,
      );
      setFound(r.items);
      setActive(0);
      if (r.items.length === 1) await choose(r.items[0]!);
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  }

  async function choose(u: Unit) {
    setUnit(u);
    setBills(undefined);
    setError(undefined);
    try {
      setBills(
        await api.get<BillListPage>(`/api/staff/communities/${communityId}/bills?unitId=${u.unitId}&status=unpaid`),
      );
    } catch (err) {
      setError(err as Error);
    }
  }

  async function pay(billIds: string[], amountFen: number, channel: Channel, payer: 'OWNER' | 'DEVELOPER') {
    const r = await api.post<CounterReceipt>(`/api/staff/communities/${communityId}/counter-payments`, {
      unitId: unit!.unitId,
      channel,
      amountFen,
      billIds,
      payer,
    });
    go(`/receipt/${r.id}`, { print: 1 });
  }

  function onKeys(e: React.KeyboardEvent) {
    if (!found || found.length < 2) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : found.length - 1)) % found.length);
    }
  }

  return (
    <div className="wyt-page wyt-counter">
      <h1 className="wyt-counter__title">收银台</h1>
      <form
        className="wyt-counter__search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          if (found && found.length > 1 && found[active] && unit?.unitId !== found[active]!.unitId)
            void choose(found[active]!);
          else void find();
        }}
      >
        <label htmlFor="counter-q">房屋</label>
        <input
          id="counter-q"
          ref={search}
          autoFocus
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setFound(undefined);
          }}
          onKeyDown={onKeys}
          placeholder="房号如 3-1-602，手机后四位，或业主姓名"
          autoComplete="off"
          aria-describedby="counter-q-hint"
          aria-controls={found && found.length > 1 ? 'counter-units' : undefined}
        />
        <button type="submit" className="t-button t-button--theme-primary">
          查找
        </button>
        <span id="counter-q-hint" className="wyt-counter__hint">
          按 <kbd className="wyt-kbd">?</kbd> 查看快捷键
        </span>
      </form>
      {busy && <LoadingState text="正在查找…" />}
      {error && <ErrorState error={error} />}
      {found && found.length === 0 && <EmptyState text={`没有找到“${q}”对应的房屋`} />}
      {found && found.length > 1 && (
        <ul id="counter-units" className="wyt-counter__units" role="listbox" aria-label="查找到的房屋">
          {found.map((u, i) => (
            <li
              key={u.unitId}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'is-active' : ''}
              onClick={() => void choose(u)}
            >
              {u.label} {u.owners.join('、')}
            </li>
          ))}
        </ul>
      )}
      {unit && !bills && !error && <LoadingState text="正在读取账单…" />}
      {unit && bills && (
        <UnitBills key={unit.unitId} unit={unit} bills={bills} onPay={pay} onEscape={() => search.current?.select()} />
      )}
      <Shortcuts visible={help} onClose={() => setHelp(false)} />
    </div>
  );
}
