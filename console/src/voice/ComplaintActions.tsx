import { useState } from 'react';
import { Button, Checkbox, MessagePlugin, Radio, Textarea } from 'tdesign-react';
import { Pick } from './Pick';
import type { CommunityStaffMember, ComplaintAction, ComplaintDetail } from '../../../bff/src/api-types';
import { confirm } from '../lib/confirm';
import { CATEGORIES, DEPARTMENTS, KIND_LABELS, options } from './labels';

type Run = (a: ComplaintAction, done: string) => Promise<void>;

/**
 * The office's next step for a complaint's state (bff/src/complaints/actions.ts RULES): 分派 while 待分派;
 * 已联系住户 and progress notes (公开 or 内部) while with the department; 处理完成; and, when done, the
 * resident's answer taken on the phone — 满意 closes it, 不满意 sends it back (asked first: neither undoes).
 */
export function ComplaintActions({
  complaint: c,
  staff,
  run,
}: {
  complaint: ComplaintDetail;
  staff: CommunityStaffMember[];
  run: Run;
}) {
  const [department, setDepartment] = useState('');
  const [assignee, setAssignee] = useState('');
  const [category, setCategory] = useState(c.category);
  const [kind, setKind] = useState<string>(c.kind);
  const [urgent, setUrgent] = useState(c.urgent);
  const [note, setNote] = useState('');
  const [internal, setInternal] = useState(false);
  const [satisfied, setSatisfied] = useState('');
  const needNote = (then: () => unknown) => (note.trim() ? then() : void MessagePlugin.warning('请先填写说明'));
  const after = (p: Promise<void>) => p.then(() => setNote(''));

  if (c.status === 'CLOSED') return <p className="wyt-mgr__note">已办结，没有可执行的操作。</p>;
  if (c.status === 'SUBMITTED')
    return (
      <div className="wyt-actions" role="group" aria-label="分派">
        <div className="wyt-actions__row">
          <Pick
            label="类型"
            value={kind}
            onChange={(v) => setKind(String(v))}
            style={{ width: 100 }}
            options={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))}
          />
          <Pick
            label="类别"
            value={category}
            onChange={(v) => setCategory(String(v))}
            options={options(CATEGORIES)}
            style={{ width: 130 }}
          />
          <Checkbox checked={urgent} onChange={(v) => setUrgent(Boolean(v))}>
            紧急
          </Checkbox>
        </div>
        <div className="wyt-actions__row">
          <Pick
            label="责任部门"
            placeholder="责任部门"
            value={department}
            onChange={(v) => setDepartment(String(v ?? ''))}
            options={options(DEPARTMENTS)}
            style={{ width: 130 }}
          />
          <Pick
            label="负责人"
            placeholder="负责人"
            value={assignee}
            onChange={(v) => setAssignee(String(v ?? ''))}
            options={staff.map((s) => ({ value: s.id, label: s.name }))}
            style={{ width: 160 }}
          />
          <Button
            theme="primary"
            onClick={() =>
              department && assignee
                ? void run(
                    {
                      action: 'triage',
                      department: department as never,
                      assigneeId: assignee,
                      kind: kind as never,
                      category: category as never,
                      urgent,
                    },
                    '已分派',
                  )
                : void MessagePlugin.warning('请选择责任部门和负责人')
            }
          >
            分派
          </Button>
        </div>
      </div>
    );

  const noteBox = (label: string) => (
    <label className="wyt-voice__field">
      {label}
      <Textarea value={note} onChange={(v) => setNote(String(v))} maxlength={500} autosize={{ minRows: 2 }} />
    </label>
  );

  if (c.status === 'DONE')
    return (
      <div className="wyt-actions" role="group" aria-label="与住户确认">
        <p className="wyt-mgr__note">电话联系住户，记录住户的答复：</p>
        <Radio.Group value={satisfied} onChange={(v) => setSatisfied(String(v))} aria-label="住户是否满意">
          <Radio value="yes">满意</Radio>
          <Radio value="no">不满意</Radio>
        </Radio.Group>
        {noteBox('回访记录（选填）')}
        <div className="wyt-actions__row">
          <Button
            theme="primary"
            onClick={async () => {
              if (!satisfied) return void MessagePlugin.warning('请选择住户是否满意');
              const yes = satisfied === 'yes';
              const ok = await confirm(
                yes ? '确认办结' : '退回重新处理',
                yes ? '住户满意，这条将办结，不能撤回。' : '住户不满意，这条将退回部门重新处理，联系时限重新计时。',
                yes ? '办结' : '退回重办',
              );
              if (ok)
                await after(
                  run(
                    { action: 'confirm', satisfied: yes, ...(note.trim() ? { note: note.trim() } : {}) },
                    yes ? '已办结' : '已退回重新处理',
                  ),
                );
            }}
          >
            记录住户答复
          </Button>
        </div>
      </div>
    );

  return (
    <div className="wyt-actions" role="group" aria-label="处理">
      {noteBox('说明')}
      <div className="wyt-actions__row">
        {c.status === 'TRIAGED' && (
          <Button
            theme="primary"
            onClick={() => needNote(() => after(run({ action: 'contact', note: note.trim() }, '已记录联系')))}
          >
            已联系住户
          </Button>
        )}
        <Checkbox checked={internal} onChange={(v) => setInternal(Boolean(v))}>
          内部备注（住户看不到）
        </Checkbox>
        <Button
          onClick={() =>
            needNote(() => after(run({ action: 'note', note: note.trim(), public: !internal }, '已记录进展')))
          }
        >
          记录进展
        </Button>
        {c.status === 'IN_PROGRESS' && (
          <Button
            theme="primary"
            onClick={() =>
              needNote(async () => {
                if (await confirm('处理完成', '标记为处理完成后等待住户确认，不能撤回。', '处理完成'))
                  await after(run({ action: 'done', note: note.trim() }, '已标记处理完成'));
              })
            }
          >
            处理完成
          </Button>
        )}
      </div>
    </div>
  );
}
