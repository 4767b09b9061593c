import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, CellGroup, Input } from '../../ui';
import { bff } from '../../session';
import { useAction, useRequest } from '../../hooks/use-request';
import type { RepairAction, RepairDetail, UploadView } from '../../api/types';
import { Attachments } from '../uploads/attachments';
import { ChoiceGroup } from '../../components/choice-group';
import { addDays, atBeijing, today } from '../../beijing';
import { RETURN_REASON_LABELS } from './labels';
import { ProposeAppointment } from './propose-appointment';
import { inputLabel } from '../../components/a11y';

type Props = { repair: RepairDetail; onDone: () => Promise<void> };
type Open =
  null | 'assign' | 'contact' | 'propose' | 'resolve' | 'rate' | 'reopen' | 'return' | 'urgent' | 'extend' | 'defer';
const OPEN_STATES = ['SUBMITTED', 'ACCEPTED', 'ASSIGNED', 'CONTACTED', 'ARRIVED', 'DEFERRED'];

/** Today or tomorrow at `hour` o'clock, Beijing time, as an ISO instant. */
const slot = (daysAhead: number, hour: number) => atBeijing(addDays(today(), daysAhead), hour * 60).toISOString();
/** Worked out when the panel is drawn, not when the module loads: a mini-program may stay open past midnight. */
const appointmentSlots = () => [
  { value: slot(0, 14), label: '今天下午' },
  { value: slot(1, 9), label: '明天上午' },
  { value: slot(1, 14), label: '明天下午' },
];

/** What the caller may do with this repair now, by their role on it and its state; one panel at a time. */
export function RepairActions({ repair: r, onDone }: Props) {
  const roles = new Set(r.myRoles);
  const [open, setOpen] = useState<Open>(null);
  const [text, setText] = useState('');
  const [choice, setChoice] = useState<string>();
  const [quality, setQuality] = useState('5');
  const [photos, setPhotos] = useState<UploadView[]>([]);
  const technicians = useRequest(
    () => (open === 'assign' ? bff.technicians(r.communityId).then((x) => x.items) : Promise.resolve([])),
    [open],
  );
  const act = useAction(async (action: RepairAction, confirm?: string) => {
    if (confirm && !(await Taro.showModal({ title: '请确认', content: confirm })).confirm) return;
    await bff.actOnRepair(r.id, action);
    setOpen(null);
    setText('');
    setChoice(undefined);
    setPhotos([]);
    await onDone();
  });
  const run = (action: RepairAction, confirm?: string) => void act.run(action, confirm);
  // 'quiet': a text action for what undoes the resident's own request (撤销), so it is never the boldest button.
  const button = (label: string, onClick: () => void, type: 'primary' | 'default' | 'quiet' = 'default') => (
    <Button
      key={label}
      type={type === 'quiet' ? 'default' : type}
      fill={type === 'quiet' ? 'none' : undefined}
      size="large"
      disabled={act.running}
      onClick={onClick}
    >
      {label}
    </Button>
  );

  // The resident's way to move a waiting repair comes first: 催办 (an urgent appeal) and 联系物业; 撤销 last and quiet.
  const waiting = roles.has('reporter') && OPEN_STATES.includes(r.status);
  const buttons = [
    waiting && !r.urgentAt && button('催办', () => setOpen('urgent'), 'primary'),
    waiting && button('联系物业', () => void Taro.navigateTo({ url: '/pages/contact/index' })),
    roles.has('office') && r.status === 'SUBMITTED' && button('接收', () => run({ action: 'accept' }), 'primary'),
    roles.has('office') &&
      ['ACCEPTED', 'ASSIGNED'].includes(r.status) &&
      button('派单', () => setOpen('assign'), 'primary'),
    roles.has('office') &&
      ['SUBMITTED', 'ACCEPTED', 'ASSIGNED', 'CONTACTED'].includes(r.status) &&
      button('退单', () => setOpen('return')),
    (roles.has('office') || roles.has('assignee')) &&
      ['ACCEPTED', 'ASSIGNED', 'CONTACTED', 'ARRIVED'].includes(r.status) &&
      r.extensionCount < 2 &&
      r.extensionDays < 14 &&
      button('延期', () => setOpen('extend')),
    roles.has('office') &&
      ['ASSIGNED', 'CONTACTED', 'ARRIVED'].includes(r.status) &&
      button('缓办', () => setOpen('defer')),
    roles.has('assignee') && r.status === 'ASSIGNED' && button('已联系住户', () => setOpen('contact'), 'primary'),
    roles.has('assignee') && r.status === 'CONTACTED' && button('已到场', () => run({ action: 'arrive' }), 'primary'),
    (roles.has('assignee') || roles.has('office')) &&
      r.status === 'CONTACTED' &&
      button('改约上门时间', () => setOpen('propose')),
    roles.has('assignee') &&
      ['ARRIVED', 'DEFERRED'].includes(r.status) &&
      button('处理完成', () => setOpen('resolve'), 'primary'),
    roles.has('reporter') && r.status === 'RESOLVED' && button('评价', () => setOpen('rate'), 'primary'),
    roles.has('reporter') &&
      r.status === 'RESOLVED' &&
      r.reopenCount === 0 &&
      button('不满意，重新处理', () => setOpen('reopen')),
    roles.has('reporter') &&
      r.status === 'SUBMITTED' &&
      button('撤销报修', () => run({ action: 'cancel' }, '撤销后物业将不再处理这个报修，确定撤销吗？'), 'quiet'),
  ].filter(Boolean);
  if (buttons.length === 0) return null;

  const confirmRow = (label: string, onClick: () => void) => (
    <View className="actions">
      {button(label, onClick, 'primary')}
      {button('取消', () => setOpen(null))}
    </View>
  );
  return (
    <View data-testid="repair-actions">
      {open === null && <View className="actions actions--wrap">{buttons}</View>}
      {open === 'assign' && (
        <CellGroup title="派给哪位维修工">
          <ChoiceGroup
            options={(technicians.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
            value={choice}
            onChange={setChoice}
          />
          {confirmRow('确认派单', () => choice && run({ action: 'assign', technicianId: choice }))}
        </CellGroup>
      )}
      {open === 'contact' && (
        <CellGroup title="与住户约定的上门时间">
          <ChoiceGroup options={appointmentSlots()} value={choice} onChange={setChoice} />
          {confirmRow('确认', () => choice && run({ action: 'contact', appointmentAt: choice }))}
        </CellGroup>
      )}
      {open === 'propose' && (
        <ProposeAppointment
          busy={act.running}
          onSubmit={(p) => run({ action: 'propose', ...p })}
          onCancel={() => setOpen(null)}
        />
      )}
      {open === 'resolve' && (
        <CellGroup title="处理情况">
          <Input
            placeholder="做了什么，例如：更换阀芯"
            value={text}
            onChange={setText}
            {...inputLabel('处理情况')}
            data-testid="repair-work-done"
          />
          <Attachments
            existing={[]}
            added={photos}
            onAdd={(u) => setPhotos((p) => [...p, ...u])}
            onRemove={(u) => setPhotos((p) => p.filter((x) => x.id !== u.id))}
            disabled={false}
            photosOnly
          />
          {confirmRow(
            '确认完成',
            () => text.trim() && run({ action: 'resolve', workDone: text.trim(), uploadIds: photos.map((p) => p.id) }),
          )}
        </CellGroup>
      )}
      {open === 'extend' && (
        <CellGroup title={`延期（已延期 ${r.extensionCount} 次、共 ${r.extensionDays} 天；最多 2 次、合计 14 天）`}>
          <ChoiceGroup
            options={[1, 3, 7]
              .filter((d) => r.extensionDays + d <= 14)
              .map((d) => ({ value: String(d), label: `${d} 天` }))}
            value={choice}
            onChange={setChoice}
          />
          <Input {...inputLabel('延期原因')} placeholder="延期原因，例如：等待配件" value={text} onChange={setText} />
          {confirmRow(
            '确认延期',
            () =>
              choice && text.trim().length >= 2 && run({ action: 'extend', days: Number(choice), reason: text.trim() }),
          )}
        </CellGroup>
      )}
      {open === 'defer' && (
        <CellGroup title="缓办：重大维修，须经住户同意并有维修计划">
          <Input
            {...inputLabel('维修计划')}
            placeholder="维修计划，例如：下周二停水更换主管"
            value={text}
            onChange={setText}
          />
          <ChoiceGroup options={[{ value: 'agreed', label: '住户已同意' }]} value={choice} onChange={setChoice} />
          {confirmRow(
            '确认缓办',
            () =>
              choice === 'agreed' &&
              text.trim().length >= 5 &&
              run({ action: 'defer', plan: text.trim(), residentAgreed: true }),
          )}
        </CellGroup>
      )}
      {open === 'rate' && (
        <CellGroup title="服务评价（5 分最满意）">
          <ChoiceGroup
            options={['5', '4', '3', '2', '1'].map((v) => ({ value: v, label: `质量 ${v} 分` }))}
            value={quality}
            onChange={(v) => v && setQuality(v)}
          />
          <ChoiceGroup
            options={['5', '4', '3', '2', '1'].map((v) => ({ value: v, label: `态度 ${v} 分` }))}
            value={choice ?? '5'}
            onChange={setChoice}
          />
          <Input {...inputLabel('评价')} placeholder="说说您的感受（选填）" value={text} onChange={setText} />
          {confirmRow('提交评价', () =>
            run({
              action: 'rate',
              quality: Number(quality),
              attitude: Number(choice ?? '5'),
              ...(text.trim() ? { comment: text.trim() } : {}),
            }),
          )}
        </CellGroup>
      )}
      {(open === 'reopen' || open === 'urgent') && (
        <CellGroup
          title={open === 'reopen' ? '哪里还不满意（只能重新处理一次）' : '为什么催办（会马上通知物业经理和维修工）'}
        >
          <Input
            {...inputLabel(open === 'reopen' ? '不满意的原因' : '催办原因')}
            placeholder="请说明原因"
            value={text}
            onChange={setText}
          />
          {confirmRow('提交', () => text.trim().length >= 2 && run({ action: open, reason: text.trim() }))}
        </CellGroup>
      )}
      {open === 'return' && (
        <CellGroup title="退单原因（只能是以下三种之一）">
          <ChoiceGroup
            options={Object.entries(RETURN_REASON_LABELS).map(([value, label]) => ({ value, label }))}
            value={choice}
            onChange={setChoice}
          />
          {confirmRow(
            '确认退单',
            () =>
              choice &&
              run(
                { action: 'return', reason: choice as keyof typeof RETURN_REASON_LABELS },
                '退单后住户会看到原因，确定退单吗？',
              ),
          )}
        </CellGroup>
      )}
    </View>
  );
}
