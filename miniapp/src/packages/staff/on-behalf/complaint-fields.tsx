import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, CellGroup, Input, TextArea } from '../../../ui';
import { ChoiceGroup } from '../../../components/choice-group';
import { useAction } from '../../../hooks/use-request';
import { CATEGORIES, KIND_LABELS } from '../../../features/voice/labels';
import { staffVoice } from '../../../features/voice/staff-endpoints';
import type { ComplaintCategory } from '../../../features/voice/types';
import type { Channel } from '../../../features/on-behalf/endpoints';
import type { PickedUnit } from '../../../features/on-behalf/unit-picker';

/** A mainland mobile as +86…, so staff views mask and group it as every other phone (docs/domain.md §6). */
const e164Mobile = (typed: string) => {
  const digits = typed.replace(/\D/g, '');
  return /^1\d{10}$/.test(digits) ? `+86${digits}` : typed.replace(/[^\d+-]/g, '');
};

/**
 * 投诉/咨询 for a caller (docs/domain.md §8, For a caller): the channel, the unit picked above or a common
 * place, the caller's name and phone as they give them (staff views mask both afterwards), what they say.
 * The staff's own words are not screened; the new complaint opens on the staff detail page.
 */
export function ComplaintForCaller({
  communityId,
  channel,
  unit,
}: {
  communityId: string;
  channel: Channel;
  unit: PickedUnit | undefined;
}) {
  const [kind, setKind] = useState<'COMPLAINT' | 'CONSULTATION'>('COMPLAINT');
  const [category, setCategory] = useState<ComplaintCategory>('其他');
  const [urgent, setUrgent] = useState(false);
  const [place, setPlace] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [text, setText] = useState('');
  const submit = useAction(async () => {
    if (!unit && !place.trim()) return void Taro.showToast({ title: '请选择房屋，或填写公共区域', icon: 'none' });
    if (!name.trim() || !phone.trim()) return void Taro.showToast({ title: '请填写来电人姓名和电话', icon: 'none' });
    if (text.trim().length < 5)
      return void Taro.showToast({ title: '请填写住户反映的内容（至少 5 个字）', icon: 'none' });
    const c = await staffVoice.fileForCaller(communityId, {
      ...(unit ? { unitId: unit.id } : { place: place.trim() }),
      kind,
      category,
      urgent,
      anonymous: false,
      text: text.trim(),
      channel,
      callerName: name.trim(),
      callerPhone: e164Mobile(phone),
    });
    await Taro.showToast({ title: '已登记', icon: 'success' });
    return void Taro.redirectTo({ url: `/packages/staff/complaints/detail?id=${c.id}` });
  });
  return (
    <View data-testid="complaint-for-caller-form">
      {!unit && (
        <CellGroup title="或：公共区域">
          <Input placeholder="例如：东门岗亭、3号楼电梯" value={place} onChange={setPlace} maxLength={50} />
        </CellGroup>
      )}
      <CellGroup title="来电人">
        <Input placeholder="来电人姓名" value={name} onChange={setName} maxLength={20} data-testid="caller-name" />
        <Input
          placeholder="联系电话"
          type="number"
          value={phone}
          onChange={setPhone}
          maxLength={20}
          data-testid="caller-phone"
        />
      </CellGroup>
      <CellGroup title="反映的内容">
        <ChoiceGroup
          options={(['COMPLAINT', 'CONSULTATION'] as const).map((k) => ({ value: k, label: KIND_LABELS[k] }))}
          value={kind}
          onChange={(k) => k && setKind(k)}
          testId="caller-kind"
        />
        <ChoiceGroup
          options={CATEGORIES.map((x) => ({ value: x, label: x }))}
          value={category}
          onChange={(x) => x && setCategory(x)}
          testId="caller-category"
        />
        <ChoiceGroup
          options={[
            { value: 'routine', label: '一般' },
            { value: 'urgent', label: '紧急' },
          ]}
          value={urgent ? 'urgent' : 'routine'}
          onChange={(v) => setUrgent(v === 'urgent')}
        />
        <TextArea
          placeholder="照来电人的话记下来（5–1000 字）"
          value={text}
          onChange={setText}
          maxLength={1000}
          autoSize
        />
      </CellGroup>
      <Text className="hint">登记后进入投诉处理，由客服分派；来电人的姓名和电话在工作人员界面中脱敏显示</Text>
      <View className="actions">
        <Button type="primary" size="large" disabled={submit.running} onClick={() => void submit.run()}>
          {kind === 'COMPLAINT' ? '登记投诉' : '登记咨询'}
        </Button>
      </View>
    </View>
  );
}
