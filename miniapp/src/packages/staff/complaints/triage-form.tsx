import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, CellGroup } from '../../../ui';
import { ChoiceGroup } from '../../../components/choice-group';
import { useRequest } from '../../../hooks/use-request';
import { ROLE_LABELS } from '../../../roles';
import { KIND_LABELS } from '../../../features/voice/labels';
import { staffVoice, type ComplaintAction } from '../../../features/voice/staff-endpoints';
import type { ComplaintCategory, ComplaintView } from '../../../features/voice/types';

type Triage = Extract<ComplaintAction, { action: 'triage' }>;
/** bff/src/complaints/schema.ts DEPARTMENTS; the type check refuses one the BFF does not know. */
const DEPARTMENTS: Triage['department'][] = ['客服部', '工程部', '秩序部', '环境部', '综合部'];

/**
 * 分派 (customer service, while 待分派): classify it (kind, category, urgent) and give it to a department
 * and a person of the community's own staff (the people GET …/staff lists, the ones the BFF accepts).
 */
export function TriageForm({
  complaint: c,
  categories,
  onTriage,
  running,
}: {
  complaint: ComplaintView;
  categories: readonly ComplaintCategory[];
  onTriage: (a: Triage) => void;
  running: boolean;
}) {
  const staff = useRequest(() => staffVoice.staff(c.communityId), [c.communityId]);
  const [kind, setKind] = useState<Triage['kind']>(c.kind);
  const [category, setCategory] = useState<ComplaintCategory>(c.category as ComplaintCategory);
  const [urgent, setUrgent] = useState(c.urgent);
  const [department, setDepartment] = useState<Triage['department']>();
  const [assigneeId, setAssignee] = useState<string>();
  const person = staff.data?.items.find((p) => p.id === assigneeId);
  const submit = async () => {
    if (!department || !assigneeId) return void Taro.showToast({ title: '请选择部门和处理人', icon: 'none' });
    const ok = await Taro.showModal({
      title: '分派',
      content: `交给${department}的${person?.name ?? '处理人'}处理？`,
      confirmText: '分派',
    });
    if (ok.confirm) onTriage({ action: 'triage', department, assigneeId, kind, category, urgent });
  };
  return (
    <View data-testid="triage-form">
      <CellGroup title="类型与类别">
        <ChoiceGroup
          options={(['COMPLAINT', 'CONSULTATION'] as const).map((k) => ({ value: k, label: KIND_LABELS[k] }))}
          value={kind}
          onChange={(k) => k && setKind(k)}
        />
        <ChoiceGroup
          options={categories.map((x) => ({ value: x, label: x }))}
          value={category}
          onChange={(x) => x && setCategory(x)}
        />
        <ChoiceGroup
          options={[
            { value: 'routine', label: '一般' },
            { value: 'urgent', label: '紧急（当天联系）' },
          ]}
          value={urgent ? 'urgent' : 'routine'}
          onChange={(v) => setUrgent(v === 'urgent')}
        />
      </CellGroup>
      <CellGroup title="处理部门">
        <ChoiceGroup
          options={DEPARTMENTS.map((d) => ({ value: d, label: d }))}
          value={department}
          onChange={setDepartment}
          testId="triage-department"
        />
      </CellGroup>
      <CellGroup title="处理人">
        {staff.data?.items.length === 0 ? (
          <Text className="hint">小区还没有可以分派的工作人员</Text>
        ) : (
          <ChoiceGroup
            options={(staff.data?.items ?? []).map((p) => ({
              value: p.id,
              label: `${p.name}（${p.roles.map((r) => ROLE_LABELS[r]).join('、')}）`,
            }))}
            value={assigneeId}
            onChange={setAssignee}
            testId="triage-person"
          />
        )}
      </CellGroup>
      <View className="actions">
        <Button
          type="primary"
          size="large"
          disabled={running}
          onClick={() => void submit()}
          data-testid="triage-submit"
        >
          分派
        </Button>
      </View>
    </View>
  );
}
