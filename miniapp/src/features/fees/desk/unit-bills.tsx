import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { ChoiceGroup } from '../../../components/choice-group';
import { bff } from '../../../session';
import { useRequest } from '../../../hooks/use-request';
import { BillRow } from '../bill-row';
import { BillActions } from './bill-actions';
import { CounterTake } from './counter-take';
import '../../../components/list.css';

/** Looking up a unit at the desk: building, then unit, then its bills (open or settled), each with its actions. */
export function UnitBills({ communityId, canWaive }: { communityId: string; canWaive: boolean }) {
  const buildings = useRequest(() => bff.buildings(communityId), [communityId]);
  const [buildingId, setBuildingId] = useState<string>();
  const building = buildingId ?? buildings.data?.items[0]?.id;
  const units = useRequest(() => (building ? bff.units(building) : Promise.resolve({ items: [] })), [building]);
  const [unitId, setUnitId] = useState<string>();
  const [status, setStatus] = useState<'unpaid' | 'paid'>('unpaid');
  const [open, setOpen] = useState<string>();
  const bills = useRequest(
    () => (unitId ? bff.staffUnitBills(communityId, unitId, status) : Promise.resolve(null)),
    [communityId, unitId, status],
    (d) => !!d && d.items.length === 0,
  );

  return (
    <PageShell request={buildings}>
      <ChoiceGroup
        testId="desk-buildings"
        options={(buildings.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))}
        value={building}
        onChange={(v) => v && (setBuildingId(v), setUnitId(undefined))}
      />
      <ChoiceGroup
        testId="desk-units"
        options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.number }))}
        value={unitId}
        onChange={(v) => v && setUnitId(v)}
      />
      {!unitId && <Text className="hint">选择楼栋和房号，查看这户的账单</Text>}
      {unitId && (
        <>
          <ChoiceGroup
            testId="desk-bill-status"
            options={[
              { value: 'unpaid' as const, label: '未缴' },
              { value: 'paid' as const, label: '已缴 / 已退 / 已减免' },
            ]}
            value={status}
            onChange={(v) => v && setStatus(v)}
          />
          <PageShell request={bills} emptyText={status === 'unpaid' ? '这户没有未缴账单' : '这户还没有缴费记录'}>
            <View className="cards" data-testid="desk-bills">
              {(bills.data?.items ?? []).map((b) => (
                <View key={b.id}>
                  <BillRow bill={b} onTap={() => setOpen(open === b.id ? undefined : b.id)} />
                  {b.payer === 'DEVELOPER' && <Text className="hint">开发商承担（房屋未交付）</Text>}
                  {open === b.id && <BillActions bill={b} canWaive={canWaive} onDone={() => void bills.reload()} />}
                </View>
              ))}
            </View>
            {status === 'unpaid' && (
              <CounterTake communityId={communityId} unitId={unitId} bills={bills.data?.items ?? []} />
            )}
          </PageShell>
        </>
      )}
    </PageShell>
  );
}
