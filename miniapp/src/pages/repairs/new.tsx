import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { Button, CellGroup, Input, TextArea } from '../../ui';
import { bff } from '../../session';
import { useAction, useRequest } from '../../hooks/use-request';
import type { UploadView } from '../../api/types';
import { ChoiceGroup } from '../../components/choice-group';
import { Attachments } from '../../features/uploads/attachments';
import { FAULTS, FAULT_LABELS } from '../../features/repairs/labels';
import type { NewRepair } from '../../features/repairs/endpoints';
import { askForPush } from '../../features/push/ask-for-push';
import { BindFirst } from '../../components/bind-first';
import { inputLabel } from '../../components/a11y';

const COMMON = 'common';

/** File a repair: where, what is wrong, how urgent, photos. Then ask to be told when it moves. */
export default function NewRepair() {
  const me = useRequest(() => bff.me(), []);
  const units = (me.data?.units ?? []).filter((u) => u.status === 'VERIFIED');
  const [where, setWhere] = useState<string>();
  const [commonArea, setCommonArea] = useState('');
  const [fault, setFault] = useState<NewRepair['faultType']>('WATER');
  const [part, setPart] = useState('');
  const [phenomenon, setPhenomenon] = useState('');
  const [emergency, setEmergency] = useState(false);
  const [description, setDescription] = useState('');
  const [photos, setPhotos] = useState<UploadView[]>([]);
  const place = where ?? units[0]?.unitId;

  const submit = useAction(async () => {
    if (!part.trim() || !phenomenon.trim() || (place === COMMON && !commonArea.trim())) {
      return void Taro.showToast({ title: '请填写报修位置、部位和故障现象', icon: 'none' });
    }
    const at =
      place === COMMON ? { communityId: units[0]!.community.id, commonArea: commonArea.trim() } : { unitId: place };
    const repair = await bff.fileRepair({
      ...at,
      faultType: fault,
      part: part.trim(),
      phenomenon: phenomenon.trim(),
      emergency,
      description: description.trim(),
      uploadIds: photos.map((p) => p.id),
    });
    const { templates } = await bff.pushSubscriptions();
    // At most three per ask (docs/wechat.md §4): accepted, resolved, and a later appointment to agree to.
    await askForPush([
      templates.repairAccepted.id,
      templates.repairResolved.id,
      templates.repairAppointmentProposed.id,
    ]).catch(() => 0);
    await Taro.redirectTo({ url: `/pages/repairs/detail?id=${repair.id}` });
  });

  if (me.data && units.length === 0)
    return (
      <PageShell>
        <BindFirst reason="绑定房屋并通过审核后，即可在线报修" />
      </PageShell>
    );
  return (
    <PageShell request={me}>
      <View data-testid="repair-form">
        <CellGroup title="报修位置">
          <ChoiceGroup
            options={[
              ...units.map((u) => ({ value: u.unitId, label: `${u.building.name} ${u.number}室` })),
              { value: COMMON, label: '小区公共区域' },
            ]}
            value={place}
            onChange={setWhere}
          />
          {place === COMMON && (
            <Input
              placeholder="例如：3号楼电梯、东门道闸"
              value={commonArea}
              onChange={setCommonArea}
              {...inputLabel('公共区域的地点')}
              data-testid="repair-common-area"
            />
          )}
        </CellGroup>
        <CellGroup title="故障类型">
          <ChoiceGroup
            options={FAULTS.map((f) => ({ value: f, label: FAULT_LABELS[f] }))}
            value={fault}
            onChange={(f) => f && setFault(f)}
          />
        </CellGroup>
        <CellGroup title="哪里坏了">
          <Input
            placeholder="部位，例如：厨房水龙头"
            value={part}
            onChange={setPart}
            maxLength={30}
            {...inputLabel('部位')}
            data-testid="repair-part"
          />
          <Input
            placeholder="现象，例如：关不紧，一直滴水"
            value={phenomenon}
            onChange={setPhenomenon}
            maxLength={100}
            {...inputLabel('现象')}
            data-testid="repair-phenomenon"
          />
          <TextArea
            placeholder="补充说明（选填）"
            value={description}
            onChange={setDescription}
            maxLength={500}
            autoSize
          />
        </CellGroup>
        <CellGroup title="紧急程度">
          <ChoiceGroup
            options={[
              { value: 'routine', label: '日常维修' },
              { value: 'emergency', label: '应急（漏水、停电等）' },
            ]}
            value={emergency ? 'emergency' : 'routine'}
            onChange={(v) => setEmergency(v === 'emergency')}
          />
        </CellGroup>
        <Attachments
          existing={[]}
          added={photos}
          onAdd={(u) => setPhotos((p) => [...p, ...u])}
          onRemove={(u) => setPhotos((p) => p.filter((x) => x.id !== u.id))}
          disabled={false}
          photosOnly
        />
        <Text className="hint">维修人员会通过您授权的手机号与您联系</Text>
        <View className="actions">
          <Button type="primary" size="large" disabled={submit.running} onClick={() => void submit.run()}>
            提交报修
          </Button>
        </View>
      </View>
    </PageShell>
  );
}
