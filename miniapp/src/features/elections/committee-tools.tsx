import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Cell, CellGroup, Input } from '../../ui';
import { ChoiceGroup } from '../../components/choice-group';
import { bff } from '../../session';
import { useAction, useRequest } from '../../hooks/use-request';
import { choosePhotos } from '../uploads/choose-photos';
import { DAY_MS, fromNow, shortTime } from '../../beijing';
import type { CommitteeElection } from '../../api/types';
import '../../components/form.css';
import { inputLabel } from '../../components/a11y';

/**
 * The committee confirms the posted roster and its voters; opening needs it, a correction or an
 * admission clears it (docs/domain.md §5, The roster).
 */
export function RosterConfirm({ election, onDone }: { election: CommitteeElection; onDone: () => void }) {
  const confirm = useAction(async () => {
    const { confirm: ok } = await Taro.showModal({
      title: '确认业主名册？',
      content: `已核对 ${election.rosterUnits} 户的面积、开发商持有和投票人（开始投票需要业委会确认）。`,
      confirmText: '确定',
    });
    if (!ok) return;
    await bff.confirmRoster(election.id);
    onDone();
  });
  return (
    <View className="actions" data-testid="roster-confirm">
      {election.rosterConfirmedAt ? (
        <Text className="hint">业主名册已于 {shortTime(election.rosterConfirmedAt)} 确认</Text>
      ) : (
        <Button size="large" loading={confirm.running} onClick={() => void confirm.run()}>
          确认业主名册
        </Button>
      )}
    </View>
  );
}

/**
 * 确认投票人: someone not on the frozen roster — the owner with a new phone (casts their slot), or an
 * heir or buyer of this unit (casts it alone) — admitted with a reason and a photo of the evidence.
 */
export function AdmitVoter({ election, onDone }: { election: CommitteeElection; onDone: () => void }) {
  const roster = useRequest(() => bff.committeeRoster(election.id), [election.id]);
  const [unitId, setUnitId] = useState<string>();
  const [kind, setKind] = useState<'SAME_OWNER' | 'SUCCESSOR'>('SUCCESSOR');
  const [phone, setPhone] = useState('');
  const [reason, setReason] = useState('');
  const [photo, setPhoto] = useState<string>();
  async function attach() {
    const [path] = await choosePhotos(1);
    if (path) setPhoto((await bff.uploadPhoto(path)).id);
  }
  const admit = useAction(async () => {
    const { unit } = await bff.admitVoter(election.id, {
      unitId: unitId!,
      kind,
      phone: phone.trim(),
      reason: reason.trim(),
      evidenceUploadId: photo!,
    });
    await Taro.showToast({ title: `已确认 ${unit}`, icon: 'success' });
    setPhone('');
    setReason('');
    setPhoto(undefined);
    onDone();
  });
  return (
    <View className="form" data-testid="admit-voter">
      <Text className="section-title">确认投票人（换号、继承、购房）</Text>
      <ChoiceGroup
        options={(roster.data?.units ?? [])
          .filter((u) => !u.developerHeld)
          .map((u) => ({ value: u.unitId, label: u.unit }))}
        value={unitId}
        onChange={setUnitId}
      />
      <ChoiceGroup
        options={[
          { value: 'SUCCESSOR' as const, label: '继承人或买受人（仅此房屋）' },
          { value: 'SAME_OWNER' as const, label: '原业主换手机号' },
        ]}
        value={kind}
        onChange={(v) => v && setKind(v)}
      />
      <View className="form__row" data-testid="admit-phone">
        <Text>手机号</Text>
        <Input
          {...inputLabel('手机号')}
          value={phone}
          onChange={setPhone}
          placeholder="大陆手机号，境外号码加 + 和国家码"
        />
      </View>
      <View className="form__row" data-testid="admit-reason">
        <Text>原因</Text>
        <Input
          {...inputLabel('原因')}
          value={reason}
          onChange={setReason}
          placeholder="如：原业主去世，继承人凭公证书"
        />
      </View>
      <View className="actions actions--wrap">
        <Button onClick={() => void attach()}>{photo ? '✓ 已拍照（重拍）' : '拍摄证明材料'}</Button>
        <Button
          type="primary"
          loading={admit.running}
          disabled={!unitId || !photo || !phone.trim() || reason.trim().length < 4}
          onClick={() => void admit.run()}
        >
          确认投票人
        </Button>
      </View>
    </View>
  );
}

/** The committee's own notices of this vote; only its members withdraw them (property staff cannot). */
export function CommitteeNotices({ election, onDone }: { election: CommitteeElection; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const withdraw = useAction(async (id: string, title: string) => {
    const { confirm } = await Taro.showModal({
      title: `撤回「${title}」？`,
      content: title.startsWith('【公示】') ? '撤回公示后须重新公示，公示期重新计算。' : '撤回后业主不再看到这条公告。',
      confirmText: '确定',
    });
    if (!confirm) return;
    await bff.withdrawCommitteeNotice(id, reason.trim());
    setReason('');
    onDone();
  });
  if (election.notices.length === 0) return null;
  return (
    <View data-testid="committee-notices">
      <CellGroup title="业委会公告">
        {election.notices.map((n) => (
          <Cell
            key={n.id}
            title={n.title}
            extra={
              n.status === 'PUBLISHED' ? (
                <Button
                  size="small"
                  disabled={reason.trim().length < 2}
                  onClick={() => void withdraw.run(n.id, n.title)}
                >
                  撤回
                </Button>
              ) : (
                '已撤回'
              )
            }
          />
        ))}
      </CellGroup>
      <View className="form__row" data-testid="withdraw-reason">
        <Text>撤回原因</Text>
        <Input {...inputLabel('撤回原因')} value={reason} onChange={setReason} placeholder="撤回前请填写原因" />
      </View>
    </View>
  );
}

/**
 * A draft published later than planned: the committee sets the deadline again from now (the notice
 * period plus the chosen voting days); once published the deadline is the one posted.
 */
export function DraftDeadline({ election, onDone }: { election: CommitteeElection; onDone: () => void }) {
  const [days, setDays] = useState('14');
  const move = useAction(async () => {
    await bff.setElectionDeadline(election.id, fromNow((election.noticeDays + Number(days)) * DAY_MS).toISOString());
    onDone();
  });
  return (
    <View className="form" data-testid="draft-deadline">
      <ChoiceGroup
        options={['10', '14', '30'].map((d) => ({ value: d, label: `公示 ${election.noticeDays} 天后投票 ${d} 天` }))}
        value={days}
        onChange={(v) => v && setDays(v)}
      />
      <Button loading={move.running} onClick={() => void move.run()}>
        按现在重新计算截止时间
      </Button>
    </View>
  );
}
