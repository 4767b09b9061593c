import { useState } from 'react';
import Taro from '@tarojs/taro';
import { PageShell } from '../../components/page-shell';
import { ChoiceGroup } from '../../components/choice-group';
import { Cell, CellGroup } from '../../ui';
import { bff } from '../../session';
import { useAction, useRequest } from '../../hooks/use-request';
import { usePullRefresh } from '../../hooks/use-pull-refresh';
import { humanToast } from '../../features/errors/human-errors';
import { household, type Decision } from './endpoints';
import { MemberPerson, PendingPerson } from './person';

/**
 * 家庭成员与租户 (docs/roles.md, Households): an owner of record approves or rejects the requests of
 * family members and tenants of their home and removes those already in. Reached from 我的.
 */
export default function HouseholdPage() {
  const me = useRequest(() => bff.me(), []);
  const homes = (me.data?.units ?? []).filter(
    (u) => u.status === 'VERIFIED' && (u.relation === 'OWNER' || u.relation === 'CO_OWNER'),
  );
  const [chosen, setChosen] = useState<string>();
  const unitId = chosen ?? homes[0]?.unitId ?? '';
  const list = useRequest(() => (unitId ? household.get(unitId) : Promise.resolve(null)), [unitId]);
  usePullRefresh(me.reload, list.reload);
  const act = useAction(async (done: string, call: () => Promise<unknown>) => {
    try {
      await call();
      await Taro.showToast({ title: done, icon: 'none' });
    } catch (err) {
      await Taro.showToast({ title: humanToast(err), icon: 'none' });
    }
    await list.reload();
  });
  const decide = (id: string, d: Decision) =>
    void act.run(d.decision === 'approve' ? '已同意' : '已拒绝', () => household.decide(unitId, id, d));

  if (me.data && homes.length === 0) return <PageShell empty emptyText="只有登记在册的业主可以审核家属和租户" />;
  const data = list.data;
  return (
    <PageShell request={me.data ? list : me}>
      {homes.length > 1 && (
        <ChoiceGroup
          testId="household-home"
          options={homes.map((h) => ({ value: h.unitId, label: `${h.building.name} ${h.number}室` }))}
          value={unitId}
          onChange={(v) => v && setChosen(v)}
        />
      )}
      <CellGroup title={`待审核（${data?.pending.length ?? 0}）`} data-testid="household-pending">
        {data?.pending.length === 0 && (
          <Cell title="没有待审核的申请" description="家人或租户申请绑定这套房屋后，会在这里等您审核" />
        )}
        {data?.pending.map((p) => (
          <PendingPerson
            key={p.membershipId}
            person={p}
            busy={act.running}
            onDecide={(d) => decide(p.membershipId, d)}
          />
        ))}
      </CellGroup>
      <CellGroup title="家庭成员与租户" data-testid="household-members">
        {data?.members.length === 0 && <Cell title="还没有家庭成员或租户" />}
        {data?.members.map((p) => (
          <MemberPerson
            key={p.membershipId}
            person={p}
            busy={act.running}
            onRemove={() => void act.run('已移除', () => household.remove(unitId, p.membershipId))}
          />
        ))}
      </CellGroup>
    </PageShell>
  );
}
