import { useState } from 'react';
import { Button, Input } from 'tdesign-react';
import { TabBar } from '../lib/tab-bar';
import type { CounterUnitSearch } from '../../../bff/src/api-types';
import { api } from '../api';
import type { Route } from '../route';
import { useUrlTable } from '../lib/url-table';
import { EmptyState } from '../states';
import { OpenBills, PaidBills } from './BillTables';
import { UnitPayments } from './UnitPayments';
import '../cashier-kit/cashier.css';

const TABS = [
  { value: 'unpaid', label: '未缴账单' },
  { value: 'paid', label: '已缴与历史' },
  { value: 'payments', label: '收款记录' },
];

/**
 * 房屋账单 (docs/console.md §Bills of a unit): one unit's open bills, its settled bills with their
 * refunds (a WeChat-paid bill can be refunded from here), and its counter receipts with void
 * requests. The unit, the tab and the table's page are in the URL: the counter, the arrears and the
 * refund list open it with a link.
 */
export default function UnitHistory({ communityId, route }: { communityId: string; route: Route }) {
  const url = useUrlTable(route, '/unit-bills');
  const unitId = url.get('unit');
  const label = url.get('label');
  const tab = url.get('tab', 'unpaid');
  return (
    <div className="wyt-page wyt-cashier">
      <h1>{unitId ? `${label} 的账单` : '房屋账单'}</h1>
      <FindUnit
        communityId={communityId}
        onUnit={(u) => url.set({ unit: u.unitId, label: u.label, tab: undefined, page: undefined })}
      />
      {!unitId ? (
        <EmptyState text="输入房号（如 3-1-602）、手机尾号或业主姓名，查看这户的账单与缴费记录" />
      ) : (
        <>
          <TabBar
            label="账单分类"
            tabs={TABS}
            value={tab}
            onChange={(v) => url.set({ tab: v === 'unpaid' ? undefined : v, page: undefined, sort: undefined })}
          />
          <div className="wyt-cashier__tab">
            {tab === 'unpaid' && <OpenBills communityId={communityId} unitId={unitId} url={url} />}
            {tab === 'paid' && <PaidBills communityId={communityId} unitId={unitId} url={url} />}
            {tab === 'payments' && <UnitPayments communityId={communityId} unitId={unitId} url={url} />}
          </div>
        </>
      )}
    </div>
  );
}

type Unit = CounterUnitSearch['items'][number];

/** The counter's unit search (房号, phone tail or name): one found opens it, several are offered. */
function FindUnit({ communityId, onUnit }: { communityId: string; onUnit: (u: Unit) => void }) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Unit[]>();
  const [error, setError] = useState('');
  async function find() {
    setError('');
    try {
      const r = await api.get<CounterUnitSearch>(
        `/api/staff/communities/${communityId}/counter/units?q=${encodeURIComponent(q.trim())}`,
      );
      if (r.items.length === 1) {
        setFound(undefined);
        onUnit(r.items[0]!);
      } else setFound(r.items);
    } catch (e) {
      setError((e as Error).message);
    }
  }
  return (
    <form
      className="wyt-cashier__row"
      role="search"
      aria-label="查找房屋"
      onSubmit={(e) => {
        e.preventDefault();
        void find();
      }}
    >
      <label className="wyt-cashier__inline">
        房号、手机尾号或姓名
        <Input
          placeholder="3-1-602 / 手机尾号 / 姓名"
          value={q}
          onChange={(v) => setQ(String(v))}
          style={{ width: 260 }}
        />
      </label>
      <Button type="submit">查找</Button>
      {error && (
        <span role="alert" className="wyt-cashier__error">
          {error}
        </span>
      )}
      {found?.length === 0 && <span className="wyt-cashier__note">没有找到这户</span>}
      {found &&
        found.length > 1 &&
        found.map((u) => (
          <Button key={u.unitId} variant="outline" onClick={() => onUnit(u)}>
            {u.label}
          </Button>
        ))}
    </form>
  );
}
