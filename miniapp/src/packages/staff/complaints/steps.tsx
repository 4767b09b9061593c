import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, CellGroup, TextArea } from '../../../ui';
import { ChoiceGroup } from '../../../components/choice-group';
import { useAction } from '../../../hooks/use-request';
import { CATEGORIES } from '../../../features/voice/labels';
import { staffVoice, type ComplaintAction } from '../../../features/voice/staff-endpoints';
import type { ComplaintView } from '../../../features/voice/types';
import { TriageForm } from './triage-form';

type Props = { complaint: ComplaintView; office: boolean; assignee: boolean; onDone: () => Promise<void> };
type Panel = null | 'contact' | 'note' | 'done' | 'confirm';

const ask = async (title: string, content: string, confirmText: string) =>
  (await Taro.showModal({ title, content, confirmText })).confirm;

/**
 * The steps the caller may take now, as bff/src/complaints/actions.ts RULES allows them (the BFF checks
 * again): the office triages while 待分派; the assignee or the office contacts, writes progress (公开 or
 * 内部) and says done; while 待回访确认 the office takes the resident's answer on the phone. Done and the
 * answer cannot be undone, so they are asked first. One panel at a time.
 */
export function ComplaintSteps({ complaint: c, office, assignee, onDone }: Props) {
  const [panel, setPanel] = useState<Panel>(null);
  const [text, setText] = useState('');
  const [isPublic, setPublic] = useState<'public' | 'internal'>('public');
  const act = useAction(async (action: ComplaintAction, confirm?: [string, string, string]) => {
    if (confirm && !(await ask(...confirm))) return;
    await staffVoice.act(c.id, action);
    setPanel(null);
    setText('');
    await onDone();
  });
  const handles = office || assignee;
  if (c.status === 'SUBMITTED' && office)
    return <TriageForm complaint={c} categories={CATEGORIES} onTriage={(a) => void act.run(a)} running={act.running} />;
  const note = text.trim();
  const open = (p: Panel) => (setPanel(p), setText(''));
  const buttons: [Panel, string, boolean][] = [
    ['contact', '已联系住户', handles && c.status === 'TRIAGED'],
    ['note', '记录进展', handles && (c.status === 'TRIAGED' || c.status === 'IN_PROGRESS')],
    ['done', '处理完成', handles && c.status === 'IN_PROGRESS'],
    ['confirm', '记录住户答复', office && c.status === 'DONE'],
  ];
  const shown = buttons.filter(([, , on]) => on);
  if (shown.length === 0) {
    if (c.status === 'DONE')
      return <Text className="hint">已处理完成，等待住户在小程序里确认，或由客服电话回访时记录</Text>;
    return null;
  }
  const textArea = (placeholder: string) => (
    <TextArea
      placeholder={placeholder}
      value={text}
      onChange={setText}
      maxLength={500}
      autoSize
      data-testid="step-text"
    />
  );
  return (
    <CellGroup title="处理" data-testid="complaint-steps">
      {panel === null && (
        <View className="actions actions--wrap">
          {shown.map(([p, label], i) => (
            <Button key={label} type={i === 0 ? 'primary' : 'default'} size="large" onClick={() => open(p)}>
              {label}
            </Button>
          ))}
        </View>
      )}
      {panel === 'contact' && (
        <View data-testid="panel-contact">
          {textArea('联系情况，例如：已电话联系住户，约定明天上午上门查看')}
          <View className="actions">
            <Button
              type="primary"
              size="large"
              disabled={!note || act.running}
              onClick={() => void act.run({ action: 'contact', note })}
            >
              确认已联系
            </Button>
            <Button size="large" onClick={() => setPanel(null)}>
              返回
            </Button>
          </View>
        </View>
      )}
      {panel === 'note' && (
        <View data-testid="panel-note">
          <ChoiceGroup
            options={[
              { value: 'public', label: '公开（住户能看到）' },
              { value: 'internal', label: '内部备注' },
            ]}
            value={isPublic}
            onChange={(v) => v && setPublic(v)}
            testId="note-visibility"
          />
          {textArea('处理进展')}
          <View className="actions">
            <Button
              type="primary"
              size="large"
              disabled={!note || act.running}
              onClick={() => void act.run({ action: 'note', note, public: isPublic === 'public' })}
            >
              保存进展
            </Button>
            <Button size="large" onClick={() => setPanel(null)}>
              返回
            </Button>
          </View>
        </View>
      )}
      {panel === 'done' && (
        <View data-testid="panel-done">
          {textArea('处理结果，住户会看到')}
          <View className="actions">
            <Button
              type="primary"
              size="large"
              disabled={!note || act.running}
              onClick={() =>
                void act.run({ action: 'done', note }, ['处理完成？', '完成后交给住户确认，不能撤回', '处理完成'])
              }
            >
              提交处理结果
            </Button>
            <Button size="large" onClick={() => setPanel(null)}>
              返回
            </Button>
          </View>
        </View>
      )}
      {panel === 'confirm' && (
        <View data-testid="panel-confirm">
          <Text className="hint">电话回访住户后记录住户的答复：满意即办结；不满意退回部门重新处理。记录后不能撤回</Text>
          {textArea('回访记录（选填），例如：电话回访，住户表示…')}
          <View className="actions actions--wrap">
            <Button
              type="primary"
              size="large"
              disabled={act.running}
              onClick={() =>
                void act.run({ action: 'confirm', satisfied: true, ...(note ? { note } : {}) }, [
                  '住户满意？',
                  '投诉将办结，不能撤回',
                  '办结',
                ])
              }
            >
              住户满意
            </Button>
            <Button
              size="large"
              disabled={act.running}
              onClick={() =>
                void act.run({ action: 'confirm', satisfied: false, ...(note ? { note } : {}) }, [
                  '住户不满意？',
                  `退回${c.department ?? '部门'}重新处理，联系时限重新计算，不能撤回`,
                  '退回重办',
                ])
              }
            >
              住户不满意
            </Button>
            <Button fill="none" size="large" onClick={() => setPanel(null)}>
              返回
            </Button>
          </View>
        </View>
      )}
    </CellGroup>
  );
}
