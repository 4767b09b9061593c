import { Text, View } from '@tarojs/components';
import { ChoiceGroup } from '../../../components/choice-group';
import { CheckGroup } from '../../../components/check-group';
import { TextArea } from '../../../ui';
import type { MySurvey, SurveyAnswer } from '../../../features/voice/types';

type Question = MySurvey['questions'][number];
const STARS = ['1 星', '2 星', '3 星', '4 星', '5 星'];
const TYPE_HINT = { single: '单选', multiple: '多选', stars: '1 星最不满意，5 星最满意', text: '选填' };

/**
 * One question and its answer: single choice and stars as the design system's radio buttons, multiple
 * choice as its checkboxes (components/check-group.tsx), free text as a text area.
 */
export function SurveyQuestion(props: {
  index: number;
  question: Question;
  value: SurveyAnswer | undefined;
  onChange: (v: SurveyAnswer) => void;
}) {
  const { index, question: q, value, onChange } = props;
  return (
    <View className="voice-question" data-testid={`question-${index}`}>
      <Text className="voice-question__title">{`${index + 1}. ${q.title}`}</Text>
      <Text className="voice-question__hint">{TYPE_HINT[q.type]}</Text>
      {q.type === 'single' && (
        <ChoiceGroup
          options={q.options.map((o, i) => ({ value: String(i), label: o }))}
          value={typeof value === 'number' ? String(value) : undefined}
          onChange={(v) => v !== undefined && onChange(Number(v))}
        />
      )}
      {q.type === 'stars' && (
        <ChoiceGroup
          options={STARS.map((label, i) => ({ value: String(i + 1), label }))}
          value={typeof value === 'number' ? String(value) : undefined}
          onChange={(v) => v !== undefined && onChange(Number(v))}
        />
      )}
      {q.type === 'multiple' && (
        <CheckGroup
          label={q.title}
          options={q.options.map((o, i) => ({ value: String(i), label: o }))}
          chosen={Array.isArray(value) ? value.map(String) : []}
          onToggle={(v) => {
            const now = Array.isArray(value) ? value : [];
            const i = Number(v);
            onChange((now.includes(i) ? now.filter((x) => x !== i) : [...now, i]).sort((a, b) => a - b));
          }}
        />
      )}
      {q.type === 'text' && (
        <TextArea
          placeholder="请写下您的意见或建议"
          value={typeof value === 'string' ? value : ''}
          onChange={onChange}
          maxLength={500}
          autoSize
          aria-label={q.title}
        />
      )}
    </View>
  );
}
