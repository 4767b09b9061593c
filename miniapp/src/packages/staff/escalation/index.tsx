import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { Button } from '../../../ui';
import { bff } from '../../../session';
import { useAction, useRequest } from '../../../hooks/use-request';
import { ApiError } from '../../../api/client';
import { ChainEditor } from './chain-editor';
import { fromDraft, toDraft, type StepDraft } from './chain';

/** A refusal in Chinese: the BFF's message, and for a 400 the first field's own message. */
function refusal(err: Error): string {
  const details = err instanceof ApiError && Array.isArray(err.details) ? (err.details as { message: string }[]) : [];
  if (err instanceof ApiError && err.code === 'NOT_FOUND') return '所选人员不是本小区的员工，请刷新后重新选择';
  return details[0]?.message ?? err.message;
}

/**
 * The escalation chains of a community (docs/domain.md §1, escalation): one for emergency repairs, one
 * for routine ones. The office sees them; a company administrator changes them.
 */
export default function EscalationSettings() {
  const { params } = useRouter();
  const communityId = params.communityId ?? '';
  const loaded = useRequest(
    () => Promise.all([bff.repairSla(communityId), bff.communityStaff(communityId), bff.me()]),
    [communityId],
  );
  const [emergency, setEmergency] = useState<StepDraft[]>([]);
  const [routine, setRoutine] = useState<StepDraft[]>([]);
  const [problem, setProblem] = useState('');
  const [sla, staff, me] = loaded.data ?? [];
  useEffect(() => {
    if (!sla) return;
    setEmergency(toDraft(sla.settings.emergencyEscalation));
    setRoutine(toDraft(sla.settings.escalation));
  }, [sla]);
  const editable = (me?.staff ?? []).some((s) => s.community.id === communityId && s.roles.includes('COMPANY_ADMIN'));
  const save = useAction(async () => {
    if (!sla) return;
    const e = fromDraft('应急升级链', emergency);
    const r = fromDraft('日常升级链', routine);
    if ('problem' in e || 'problem' in r)
      return setProblem('problem' in e ? e.problem : (r as { problem: string }).problem);
    setProblem('');
    await bff.putRepairSla(communityId, { ...sla.settings, emergencyEscalation: e.steps, escalation: r.steps });
    await loaded.reload();
    void Taro.showToast({ title: '升级链已保存', icon: 'success' });
  });
  if (!communityId) return <PageShell error={new Error('缺少小区参数，请从首页的员工工作台进入')} />;
  const shown = problem || (save.error && refusal(save.error));
  return (
    <PageShell request={loaded}>
      <Text className="hint">
        报修在接收时限内无人接收时，按报修类型沿对应的升级链逐级通知。指定人员只能是本小区的员工。
      </Text>
      <ChainEditor
        title="应急报修升级链"
        testId="chain-emergency"
        chain={emergency}
        staff={staff?.items ?? []}
        editable={editable}
        onChange={setEmergency}
      />
      <ChainEditor
        title="日常报修升级链"
        testId="chain-routine"
        chain={routine}
        staff={staff?.items ?? []}
        editable={editable}
        onChange={setRoutine}
      />
      {shown && (
        <View data-testid="escalation-error">
          <Text className="hint error">{shown}</Text>
        </View>
      )}
      {editable ? (
        <View className="actions">
          <Button type="primary" size="large" disabled={save.running} onClick={() => void save.run()}>
            保存升级链
          </Button>
        </View>
      ) : (
        <Text className="hint">只有物业公司管理员可以修改升级链</Text>
      )}
    </PageShell>
  );
}
