import { useEffect, useState } from 'react';
import { Button, Checkbox, Input, MessagePlugin, Radio, Textarea } from 'tdesign-react';
import { Pick } from './Pick';
import type { SurveyQuestion } from '../../../bff/src/api-types';
import { api } from '../api';
import { confirm } from '../lib/confirm';
import type { SurveySide } from './Surveys';

type Draft = { type: SurveyQuestion['type']; title: string; options: string };
const TYPES = [
  { value: 'single', label: '单选' },
  { value: 'multiple', label: '多选' },
  { value: 'stars', label: '1–5 星' },
  { value: 'text', label: '填空' },
];
/** A Beijing wall-clock time for `<input type="datetime-local">`, and back. */
const local = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16);
const fromLocal = (v: string) => new Date(`${v}:00+08:00`).toISOString();
const blank = (): Draft => ({ type: 'stars', title: '', options: '' });

/**
 * Build a survey (#31): title, 1–30 questions (单选 / 多选 with 2–10 options, one a line; 1–5 星; 填空),
 * the whole community or some buildings, and the answering window in Beijing time. 发布 asks first —
 * once published its questions do not change — then POST …/surveys; it opens to residents at its start.
 */
export function SurveyBuilder(props: {
  communityId: string;
  /** Published as the office's survey or as the committee's 意见征询. */
  side: SurveySide;
  /** 从模板新建: the company template's title and questions to start from (still editable). */
  template?: { title: string; questions: SurveyQuestion[] };
  onCancel: () => void;
  onPublished: (id: string) => void;
}) {
  const [title, setTitle] = useState(props.template?.title ?? '');
  const [questions, setQuestions] = useState<Draft[]>(
    props.template?.questions.map((q) => ({
      type: q.type,
      title: q.title,
      options: 'options' in q ? q.options.join('\n') : '',
    })) ?? [blank()],
  );
  const [whole, setWhole] = useState('all');
  const [chosen, setChosen] = useState<string[]>([]);
  const [buildings, setBuildings] = useState<{ id: string; name: string }[]>([]);
  const [opensAt, setOpensAt] = useState(local(Date.now()));
  const [closesAt, setClosesAt] = useState(local(Date.now() + 14 * 86_400_000));
  useEffect(() => {
    api.get<{ items: { id: string; name: string }[] }>(`/api/communities/${props.communityId}/buildings`).then(
      (r) => setBuildings(r.items),
      () => undefined,
    );
  }, [props.communityId]);
  const change = (i: number, d: Partial<Draft>) =>
    setQuestions((qs) => qs.map((q, j) => (j === i ? { ...q, ...d } : q)));

  const publish = async () => {
    const body = {
      title: title.trim(),
      questions: questions.map((q) =>
        q.type === 'single' || q.type === 'multiple'
          ? {
              type: q.type,
              title: q.title.trim(),
              options: q.options
                .split('\n')
                .map((o) => o.trim())
                .filter(Boolean),
            }
          : { type: q.type, title: q.title.trim() },
      ),
      buildingIds: whole === 'all' ? [] : chosen,
      opensAt: fromLocal(opensAt),
      closesAt: fromLocal(closesAt),
    };
    if (whole !== 'all' && chosen.length === 0) return void MessagePlugin.warning('请选择至少一栋楼');
    const ok = await confirm(
      '发布问卷',
      `发布后题目不能修改，住户在 ${opensAt.replace('T', ' ')} 至 ${closesAt.replace('T', ' ')} 之间作答，每户一份。`,
      '发布',
    );
    if (!ok) return;
    try {
      const made = await api.post<{ id: string }>(`/api/${props.side}/communities/${props.communityId}/surveys`, body);
      void MessagePlugin.success('问卷已发布');
      props.onPublished(made.id);
    } catch (e) {
      void MessagePlugin.error((e as Error).message);
    }
  };

  return (
    <div className="wyt-page wyt-mgr" data-testid="survey-builder">
      <h1>新建问卷</h1>
      <div className="wyt-voice__form" style={{ maxWidth: 720 }}>
        <label className="wyt-voice__field">
          问卷标题
          <Input value={title} onChange={(v) => setTitle(String(v))} maxlength={50} />
        </label>
        {questions.map((q, i) => (
          <fieldset key={i} className="wyt-voice__question" aria-label={`第 ${i + 1} 题`}>
            <legend>第 {i + 1} 题</legend>
            <div className="wyt-actions__row">
              <Pick
                label={`第 ${i + 1} 题题型`}
                value={q.type}
                onChange={(v) => change(i, { type: String(v) as Draft['type'] })}
                options={TYPES}
                style={{ width: 110 }}
              />
              <label className="wyt-voice__field" style={{ flex: 1 }}>
                题目
                <Input value={q.title} onChange={(v) => change(i, { title: String(v) })} maxlength={100} />
              </label>
              {/* Not shown for the only question: TDesign's disabled text button fails axe's contrast. */}
              {questions.length > 1 && (
                <Button
                  variant="text"
                  theme="danger"
                  onClick={() => setQuestions((qs) => qs.filter((_, j) => j !== i))}
                >
                  删除
                </Button>
              )}
            </div>
            {(q.type === 'single' || q.type === 'multiple') && (
              <label className="wyt-voice__field">
                选项（每行一个，2–10 个）
                <Textarea
                  value={q.options}
                  onChange={(v) => change(i, { options: String(v) })}
                  autosize={{ minRows: 3 }}
                />
              </label>
            )}
          </fieldset>
        ))}
        <div>
          <Button
            variant="outline"
            disabled={questions.length >= 30}
            onClick={() => setQuestions((qs) => [...qs, blank()])}
          >
            添加题目
          </Button>
        </div>
        <Radio.Group value={whole} onChange={(v) => setWhole(String(v))} aria-label="调查范围">
          <Radio value="all">全小区</Radio>
          <Radio value="some">指定楼栋</Radio>
        </Radio.Group>
        {whole === 'some' && (
          <Checkbox.Group
            value={chosen}
            onChange={(v) => setChosen(v.map(String))}
            options={buildings.map((b) => ({ value: b.id, label: b.name }))}
          />
        )}
        <div className="wyt-actions__row">
          <label>
            开始{' '}
            <input
              type="datetime-local"
              className="t-input"
              value={opensAt}
              onChange={(e) => setOpensAt(e.target.value)}
            />
          </label>
          <label>
            结束{' '}
            <input
              type="datetime-local"
              className="t-input"
              value={closesAt}
              onChange={(e) => setClosesAt(e.target.value)}
            />
          </label>
        </div>
        <div className="wyt-actions__row">
          <Button theme="primary" onClick={() => void publish()}>
            发布
          </Button>
          <Button variant="outline" onClick={props.onCancel}>
            取消
          </Button>
        </div>
      </div>
    </div>
  );
}
