import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, Cell, Input } from '../../ui';
import type { StaffBindRequest } from '../../api/types';
import { RELATION_LABELS } from '../../roles';
import { inputLabel } from '../../components/a11y';

export type Decision = { decision: 'approve' } | { decision: 'reject'; reason: string };

/**
 * One request in the office's queue: who (masked) asks for which unit, approve at once, or reject
 * with a reason asked for this request alone.
 */
export function BindRequestItem({
  request: r,
  busy,
  onDecide,
}: {
  request: StaffBindRequest;
  busy: boolean;
  onDecide: (d: Decision) => void;
}) {
  const [reason, setReason] = useState<string | null>(null);
  const confirmReject = () => {
    if (!reason?.trim()) return void Taro.showToast({ title: '请先填写驳回原因', icon: 'none' });
    onDecide({ decision: 'reject', reason: reason.trim() });
  };
  return (
    <View data-testid="bind-request">
      <Cell
        title={`${r.unit.building} ${r.unit.number}室 · ${RELATION_LABELS[r.relation]}`}
        description={`${r.requester.name ?? '未实名'} ${r.requester.phone ?? ''}`}
      />
      {reason === null ? (
        <View className="actions">
          <Button size="small" type="primary" disabled={busy} onClick={() => onDecide({ decision: 'approve' })}>
            通过
          </Button>
          <Button size="small" type="danger" fill="outline" disabled={busy} onClick={() => setReason('')}>
            驳回
          </Button>
        </View>
      ) : (
        <View>
          <Input
            placeholder="请填写驳回原因（住户会看到）"
            value={reason}
            onChange={setReason}
            {...inputLabel('驳回原因')}
            data-testid="reject-reason"
          />
          <View className="actions">
            <Button size="small" type="danger" disabled={busy} onClick={confirmReject}>
              确认驳回
            </Button>
            <Button size="small" fill="outline" disabled={busy} onClick={() => setReason(null)}>
              取消
            </Button>
          </View>
        </View>
      )}
    </View>
  );
}
