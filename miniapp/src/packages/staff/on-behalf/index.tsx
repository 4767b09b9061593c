import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { Button, CellGroup, Input, TextArea } from '../../../ui';
import { bff } from '../../../session';
import { useAction, useRequest } from '../../../hooks/use-request';
import { ChoiceGroup } from '../../../components/choice-group';
import { FAULTS, FAULT_LABELS } from '../../../features/repairs/labels';
import { KINDS, KIND_LABELS } from '../../../features/snapshots/labels';
import { RELATION_LABELS } from '../../../roles';
import { UnitPicker, type PickedUnit } from '../../../features/on-behalf/unit-picker';
import type { Channel, RepairOnBehalf, SnapshotOnBehalf } from '../../../features/on-behalf/endpoints';
import { ComplaintForCaller } from './complaint-fields';
import '../../../features/on-behalf/on-behalf.css';
import { inputLabel } from '../../../components/a11y';

type What = 'repair' | 'snapshot' | 'complaint';

/**
 * 代客报修 / 代客登记: a resident phones or walks in; the office picks their unit and their name, writes
 * down what they say, and files it as theirs (docs/domain.md §1). The resident then sees it in the app.
 * 投诉/咨询 is filed for the caller by name and phone instead (complaint-fields.tsx, docs/domain.md §8).
 */
export default function OnBehalf() {
  const { params } = useRouter();
  const communityId = params.communityId ?? '';
  const [channel, setChannel] = useState<Channel>('PHONE');
  // 投诉处理's 代来电人登记投诉 opens this page with what=complaint.
  const [what, setWhat] = useState<What>(params.what === 'complaint' ? 'complaint' : 'repair');
  const [unit, setUnit] = useState<PickedUnit>();
  const [residentId, setResidentId] = useState<string>();
  const members = useRequest(() => (unit ? bff.unitMembers(unit.id) : Promise.resolve({ items: [] })), [unit?.id]);
  const [fault, setFault] = useState<RepairOnBehalf['faultType']>('WATER');
  const [kind, setKind] = useState<SnapshotOnBehalf['kind']>('PROBLEM');
  const [part, setPart] = useState('');
  const [text, setText] = useState('');
  const [emergency, setEmergency] = useState(false);
  const [phone, setPhone] = useState('');

  const submit = useAction(async () => {
    if (!unit || !residentId) return void Taro.showToast({ title: '请选择房屋和来电人', icon: 'none' });
    const caller = { unitId: unit.id, residentId, channel };
    if (what === 'repair') {
      if (!part.trim() || !text.trim()) return void Taro.showToast({ title: '请填写部位和故障现象', icon: 'none' });
      const r = await bff.fileRepairOnBehalf(communityId, {
        ...caller,
        faultType: fault,
        part: part.trim(),
        phenomenon: text.trim(),
        emergency,
        ...(phone.trim() ? { contactPhone: phone.replace(/\D/g, '') } : {}),
      });
      await Taro.showToast({ title: `已代报 ${r.number}`, icon: 'success' });
      return void Taro.redirectTo({ url: `/pages/repairs/detail?id=${r.id}` });
    }
    if (text.trim().length < 2) return void Taro.showToast({ title: '请填写住户反映的内容', icon: 'none' });
    const s = await bff.fileSnapshotOnBehalf(communityId, { ...caller, kind, text: text.trim() });
    await Taro.showToast({ title: '已代为登记', icon: 'success' });
    return void Taro.redirectTo({ url: `/packages/snapshots/detail?id=${s.id}` });
  });

  if (!communityId) return <PageShell error={new Error('缺少小区参数，请从首页的员工工作台进入')} />;
  return (
    <PageShell>
      <View data-testid="on-behalf-form">
        <CellGroup title="住户怎么联系的">
          <ChoiceGroup
            options={[
              { value: 'PHONE', label: '来电' },
              { value: 'VISIT', label: '到访' },
            ]}
            value={channel}
            onChange={(c) => c && setChannel(c as Channel)}
            testId="on-behalf-channel"
          />
          <ChoiceGroup
            options={[
              { value: 'repair', label: '报修' },
              { value: 'snapshot', label: '随手拍' },
              { value: 'complaint', label: '投诉/咨询' },
            ]}
            value={what}
            onChange={(w) => w && setWhat(w as What)}
            testId="on-behalf-what"
          />
        </CellGroup>
        <CellGroup title={unit ? `房屋：${unit.label}` : '哪一户'}>
          {unit ? (
            <Button fill="none" onClick={() => (setUnit(undefined), setResidentId(undefined))}>
              换一户
            </Button>
          ) : (
            <UnitPicker communityId={communityId} onPick={setUnit} />
          )}
        </CellGroup>
        {what === 'complaint' && <ComplaintForCaller communityId={communityId} channel={channel} unit={unit} />}
        {unit && what !== 'complaint' && (
          <CellGroup title="来电人">
            {members.data?.items.length === 0 ? (
              <Text className="hint">这一户还没有人在小程序里绑定房屋，无法代报；请住户先绑定，或记在纸质台账上</Text>
            ) : (
              <ChoiceGroup
                options={(members.data?.items ?? []).map((m) => ({
                  value: m.userId,
                  label: `${m.name ?? '未实名'}（${RELATION_LABELS[m.relation]}）`,
                }))}
                value={residentId}
                onChange={setResidentId}
                testId="on-behalf-resident"
              />
            )}
          </CellGroup>
        )}
        {what === 'complaint' ? null : what === 'repair' ? (
          <CellGroup title="报修内容">
            <ChoiceGroup
              options={FAULTS.map((f) => ({ value: f, label: FAULT_LABELS[f] }))}
              value={fault}
              onChange={(f) => f && setFault(f)}
            />
            <Input
              {...inputLabel('部位')}
              placeholder="部位，例如：厨房水龙头"
              value={part}
              onChange={setPart}
              maxLength={30}
            />
            <Input
              {...inputLabel('现象')}
              placeholder="现象，例如：关不紧，一直滴水"
              value={text}
              onChange={setText}
              maxLength={100}
            />
            <ChoiceGroup
              options={[
                { value: 'routine', label: '日常维修' },
                { value: 'emergency', label: '应急（漏水、停电等）' },
              ]}
              value={emergency ? 'emergency' : 'routine'}
              onChange={(v) => setEmergency(v === 'emergency')}
            />
            <Input
              {...inputLabel('回电号码')}
              placeholder="回电号码（选填，默认住户绑定的手机号）"
              type="number"
              value={phone}
              onChange={setPhone}
              maxLength={11}
            />
          </CellGroup>
        ) : (
          <CellGroup title="住户反映的内容">
            <ChoiceGroup
              options={KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
              value={kind}
              onChange={(k) => k && setKind(k)}
            />
            <TextArea placeholder="照住户的话记下来" value={text} onChange={setText} maxLength={500} autoSize />
          </CellGroup>
        )}
        {what !== 'complaint' && (
          <>
            <Text className="hint">提交后记在住户名下：住户在小程序里能看到、收到通知并评价</Text>
            <View className="actions">
              <Button type="primary" size="large" disabled={submit.running} onClick={() => void submit.run()}>
                {what === 'repair' ? '代客报修' : '代为登记'}
              </Button>
            </View>
          </>
        )}
      </View>
    </PageShell>
  );
}
