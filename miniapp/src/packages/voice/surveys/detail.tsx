import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Icon } from '../../../components/icon';
import { PageShell } from '../../../components/page-shell';
import { ChoiceGroup } from '../../../components/choice-group';
import { Button, CellGroup } from '../../../ui';
import { useAction, useRequest } from '../../../hooks/use-request';
import { shortTime } from '../../../beijing';
import { voice } from '../../../features/voice/endpoints';
import type { SurveyAnswer } from '../../../features/voice/types';
import { SurveyQuestion } from './question';
import { answeredLabel } from './answered';
import '../voice.css';

function Done({ title, text }: { title: string; text: string }) {
  return (
    <View className="voice-done" data-testid="survey-done">
      <Icon name="success" size={48} color="var(--wyt-success)" />
      <Text className="voice-done__title">{title}</Text>
      <Text className="voice-done__text">{text}</Text>
      <Button size="large" onClick={() => void Taro.navigateBack()}>
        返回问卷列表
      </Button>
    </View>
  );
}

/** Answer one survey for one of my homes, every question but the free text required; once per home. */
export default function SurveyDetail() {
  const { params } = useRouter();
  // No id (opened by hand): nothing is asked of the BFF — `/api/surveys/` would be the list.
  const survey = useRequest(() => (params.id ? voice.survey(params.id) : Promise.resolve(undefined)), [params.id]);
  const [chosen, setChosen] = useState<string | undefined>(params.unitId);
  const [answers, setAnswers] = useState<(SurveyAnswer | undefined)[]>([]);
  const [sent, setSent] = useState(false);
  const s = survey.data;
  const unit = s?.units.find((u) => u.unitId === chosen) ?? s?.units.find((u) => u.answered === 'none') ?? s?.units[0];

  const submit = useAction(async () => {
    if (!s || !unit) return;
    const missing = s.questions.findIndex((q, i) => q.type !== 'text' && answers[i] === undefined);
    if (missing >= 0) return void Taro.showToast({ title: `第 ${missing + 1} 题还没有作答`, icon: 'none' });
    await voice.answer(
      s.id,
      unit.unitId,
      s.questions.map((q, i) => answers[i] ?? (q.type === 'text' ? '' : 0)),
    );
    setSent(true);
  });

  if (!params.id) return <PageShell error={new Error('缺少问卷编号，请从问卷调查进入')} />;
  const done = unit && answeredLabel(unit.answered);
  return (
    <PageShell request={survey}>
      {s && unit && (
        <View data-testid="survey-detail">
          <View className="voice-head">
            <Text className="voice-head__title">{s.title}</Text>
          </View>
          <Text className="hint">{`${shortTime(s.closesAt)} 截止 · 每套房屋答一次，家人答过就不用再答`}</Text>
          {s.units.length > 1 && (
            <CellGroup title="为哪套房屋作答">
              <ChoiceGroup
                options={s.units.map((u) => ({ value: u.unitId, label: u.label }))}
                value={unit.unitId}
                onChange={(v) => (setChosen(v), setSent(false))}
              />
            </CellGroup>
          )}
          {sent ? (
            <Done title="提交成功" text="感谢您的参与，物业会根据大家的意见改进服务" />
          ) : done ? (
            <Done
              title={done}
              text={
                unit.answered === 'mine' ? '您已为这套房屋答过这份问卷' : '家人已为这套房屋答过这份问卷，您不用再答'
              }
            />
          ) : !s.open ? (
            <Text className="voice-next">这份问卷已经结束，感谢关注</Text>
          ) : (
            <View data-testid="survey-form">
              {s.questions.map((q, i) => (
                <SurveyQuestion
                  key={i}
                  index={i}
                  question={q}
                  value={answers[i]}
                  onChange={(v) => setAnswers((a) => Object.assign([...a], { [i]: v }))}
                />
              ))}
              <View className="actions">
                <Button
                  type="primary"
                  size="large"
                  disabled={submit.running}
                  onClick={() => void submit.run()}
                  data-testid="survey-submit"
                >
                  提交问卷
                </Button>
              </View>
            </View>
          )}
        </View>
      )}
    </PageShell>
  );
}
