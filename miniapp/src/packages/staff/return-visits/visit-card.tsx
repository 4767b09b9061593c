import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, TextArea } from '../../../ui';
import { ChoiceGroup } from '../../../components/choice-group';
import { shortTime } from '../../../beijing';
import { useAction } from '../../../hooks/use-request';
import { formatPhone } from '../../../features/display/format';
import { VISIT_RESULTS, visitResultLabel } from '../../../features/voice/staff-labels';
import { staffVoice, type Visit, type VisitResult } from '../../../features/voice/staff-endpoints';

/**
 * One return visit: the repair, the resident (masked), 拨打电话 — the repair's contact phone in full comes from
 * the visit's audited reveal (docs/domain.md §6; without the reveal permission the BFF says not found and the
 * toast says so; no number at all is a toast too, never a silent button) —
 * and 记录回访 with 满意 / 基本满意 / 不满意 and a note. Asked first: a visit recorded is not undone.
 */
export function VisitCard({ visit: v, onDone }: { visit: Visit; onDone: () => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<VisitResult>();
  const [note, setNote] = useState('');
  const [full, setFull] = useState<string | null>(null);
  const call = useAction(async () => {
    const number = full ?? (await staffVoice.revealVisitPhone(v.id, `电话回访 ${v.number}`)).value;
    setFull(number);
    if (!number) return void Taro.showToast({ title: '这次报修没有留联系电话', icon: 'none' });
    await Taro.makePhoneCall({ phoneNumber: number }).catch(() => undefined);
  });
  const save = useAction(async () => {
    if (!result) return void Taro.showToast({ title: '请选择回访结果', icon: 'none' });
    const label = visitResultLabel(result);
    const ok = await Taro.showModal({
      title: '记录回访',
      content: `回访结果：${label}。保存后不能修改`,
      confirmText: '保存',
    });
    if (!ok.confirm) return;
    await staffVoice.recordVisit(v.id, result, note.trim());
    await Taro.showToast({ title: '已记录回访', icon: 'success' });
    setOpen(false);
    await onDone();
  });
  return (
    <View className="staff-voice-visit" data-testid="visit">
      <Text className="staff-voice-visit__title">{`${v.number} · ${v.part}`}</Text>
      <Text className="staff-voice-line" data-testid="visit-phone">
        {`住户 ${v.resident.name ?? ''} · ${formatPhone(full ?? v.resident.phone)}`}
      </Text>
      <Text className="staff-voice-line">{`维修完成 ${shortTime(v.createdAt)}`}</Text>
      {v.doneAt ? (
        <Text className="staff-voice-line" data-testid="visit-result">
          {`${v.methodLabel ?? ''} ${visitResultLabel(v.result)} · ${shortTime(v.doneAt)}${v.note ? `：${v.note}` : ''}`}
        </Text>
      ) : open ? (
        <View data-testid="visit-form">
          <ChoiceGroup
            options={VISIT_RESULTS.map((r) => ({ value: r.value, label: r.label }))}
            value={result}
            onChange={setResult}
            testId="visit-result-choice"
          />
          <TextArea placeholder="回访记录（选填）" value={note} onChange={setNote} maxLength={300} autoSize />
          <View className="actions">
            <Button type="primary" size="large" disabled={save.running} onClick={() => void save.run()}>
              保存回访
            </Button>
            <Button size="large" onClick={() => setOpen(false)}>
              返回
            </Button>
          </View>
        </View>
      ) : (
        <View className="actions actions--wrap">
          <Button
            type="primary"
            size="large"
            disabled={call.running}
            onClick={() => void call.run()}
            data-testid="visit-call"
          >
            拨打电话
          </Button>
          <Button size="large" onClick={() => setOpen(true)} data-testid="visit-record">
            记录回访
          </Button>
        </View>
      )}
    </View>
  );
}
