import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, Cell, Input } from '../../ui';
import { RELATION_LABELS } from '../../roles';
import type { Decision, HouseholdPerson } from './endpoints';
import { inputLabel } from '../../components/a11y';

const who = (p: HouseholdPerson) => `${p.name ?? '未实名'} ${p.phone ?? ''}`;

/** A family member's or tenant's request: approve at once, or reject with a reason they will read. */
export function PendingPerson({
  person: p,
  busy,
  onDecide,
}: {
  person: HouseholdPerson;
  busy: boolean;
  onDecide: (d: Decision) => void;
}) {
  const [reason, setReason] = useState<string | null>(null);
  const reject = () => {
    if (!reason?.trim()) return void Taro.showToast({ title: '请先填写拒绝原因', icon: 'none' });
    onDecide({ decision: 'reject', reason: reason.trim() });
  };
  return (
    <View data-testid="household-request">
      <Cell title={`${RELATION_LABELS[p.relation]}申请`} description={who(p)} />
      {reason === null ? (
        <View className="actions">
          <Button type="primary" disabled={busy} onClick={() => onDecide({ decision: 'approve' })}>
            同意
          </Button>
          <Button type="danger" fill="outline" disabled={busy} onClick={() => setReason('')}>
            拒绝
          </Button>
        </View>
      ) : (
        <View>
          <Input
            placeholder="请填写拒绝原因（对方会看到）"
            value={reason}
            onChange={setReason}
            {...inputLabel('拒绝原因')}
            data-testid="reject-reason"
          />
          <View className="actions">
            <Button type="danger" disabled={busy} onClick={reject}>
              确认拒绝
            </Button>
            <Button fill="outline" disabled={busy} onClick={() => setReason(null)}>
              取消
            </Button>
          </View>
        </View>
      )}
    </View>
  );
}

/** A verified family member or tenant, with 移除 asked once more before it ends their access. */
export function MemberPerson({
  person: p,
  busy,
  onRemove,
}: {
  person: HouseholdPerson;
  busy: boolean;
  onRemove: () => void;
}) {
  const ask = async () => {
    const { confirm } = await Taro.showModal({
      title: '移除成员',
      content: `移除后，${p.name ?? '对方'}将不能再查看这套房屋的账单、报修和公告。确定移除吗？`,
      confirmText: '移除',
      confirmColor: '#d54941',
    });
    if (confirm) onRemove();
  };
  return (
    <Cell
      title={`${RELATION_LABELS[p.relation]} · ${p.name ?? '未实名'}`}
      description={p.phone ?? ''}
      data-testid="household-member"
      extra={
        <Button type="danger" fill="outline" disabled={busy} onClick={() => void ask()}>
          移除
        </Button>
      }
    />
  );
}
