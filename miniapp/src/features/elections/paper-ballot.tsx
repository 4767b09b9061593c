import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '../../ui';
import { ChoiceGroup } from '../../components/choice-group';
import { bff } from '../../session';
import { useAction, useRequest } from '../../hooks/use-request';
import { choosePhotos } from '../uploads/choose-photos';
import type { CommitteeElection } from '../../api/types';
import { MATTER_LABELS } from './results';
import '../../components/form.css';

/**
 * 录入纸质选票 / 委托投票: for an owner who has not voted — the unit, the owner's choices as written on
 * the signed paper (or in the written authorisation: a proxy votes only what the owner stated), and a
 * photo of it. A unit whose owner already voted in any channel is refused.
 */
export function PaperBallot({ election, onEntered }: { election: CommitteeElection; onEntered: () => void }) {
  const buildings = useRequest(() => bff.buildings(election.communityId), [election.communityId]);
  const [buildingId, setBuildingId] = useState<string>();
  const units = useRequest(() => (buildingId ? bff.units(buildingId) : Promise.resolve({ items: [] })), [buildingId]);
  const [unitId, setUnitId] = useState<string>();
  const [channel, setChannel] = useState<'PAPER' | 'PROXY'>('PAPER');
  const [choices, setChoices] = useState<string[]>([]);
  const [photo, setPhoto] = useState<string>();
  const options =
    election.kind === 'MATTER'
      ? ['YES', 'NO', 'ABSTAIN'].map((c) => ({ id: c, label: MATTER_LABELS[c]! }))
      : election.candidates.map((c) => ({ id: c.id, label: c.name }));

  function toggle(id: string) {
    if (election.kind === 'MATTER') return setChoices([id]);
    setChoices((c) => (c.includes(id) ? c.filter((x) => x !== id) : c.length >= election.seats ? c : [...c, id]));
  }
  async function attach() {
    const [path] = await choosePhotos(1);
    if (path) setPhoto((await bff.uploadPhoto(path)).id);
  }
  const enter = useAction(async () => {
    const unit = units.data?.items.find((u) => u.id === unitId);
    const picked =
      options
        .filter((o) => choices.includes(o.id))
        .map((o) => o.label)
        .join('、') || '不选任何人';
    const { confirm } = await Taro.showModal({
      title: `录入 ${unit?.number ?? ''} 的${channel === 'PAPER' ? '纸质选票' : '委托投票'}？`,
      content: `选择：${picked}。录入后不能修改，请与纸面核对。`,
      confirmText: '录入',
    });
    if (!confirm) return;
    await bff.enterPaperBallot(election.id, { unitId: unitId!, channel, choices, evidenceUploadId: photo! });
    await Taro.showToast({ title: '已录入', icon: 'success' });
    setUnitId(undefined);
    setChoices([]);
    setPhoto(undefined);
    onEntered();
  });

  return (
    <View className="form" data-testid="paper-ballot">
      <Text className="section-title">录入纸质选票 / 委托投票</Text>
      <ChoiceGroup
        options={(buildings.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))}
        value={buildingId}
        onChange={(v) => (setBuildingId(v), setUnitId(undefined))}
      />
      {buildingId && (
        <ChoiceGroup
          options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.number }))}
          value={unitId}
          onChange={setUnitId}
        />
      )}
      <ChoiceGroup
        options={[
          { value: 'PAPER' as const, label: '纸质选票（本人签字）' },
          { value: 'PROXY' as const, label: '委托投票（书面委托）' },
        ]}
        value={channel}
        onChange={(v) => v && setChannel(v)}
      />
      <ChoiceGroup
        options={options.map((o) => ({ value: o.id, label: `${choices.includes(o.id) ? '✓ ' : ''}${o.label}` }))}
        value={undefined}
        onChange={(v) => v && toggle(v)}
      />
      <View className="actions actions--wrap">
        <Button onClick={() => void attach()}>
          {photo ? '✓ 已拍照（重拍）' : channel === 'PAPER' ? '拍摄签字选票' : '拍摄书面委托'}
        </Button>
        <Button
          type="primary"
          loading={enter.running}
          disabled={!unitId || !photo || (election.kind === 'MATTER' && choices.length === 0)}
          onClick={() => void enter.run()}
        >
          录入
        </Button>
      </View>
    </View>
  );
}
