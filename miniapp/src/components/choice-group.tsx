import { View } from '@tarojs/components';
import { Radio } from '../ui';

/**
 * One choice out of a few (a community, a category, a period): NutUI's radio group drawn as buttons, so
 * screen readers hear "radio, checked" and every option is a ≥ 44 px target with ≥ 15 px text
 * (docs/design.md §Choices). `undefined` is a value too ("全部").
 */
export function ChoiceGroup<T extends string>({
  options,
  value,
  onChange,
  testId,
}: {
  options: { value: T | undefined; label: string }[];
  value: T | undefined;
  onChange: (v: T | undefined) => void;
  testId?: string;
}) {
  const chosen = options.findIndex((o) => o.value === value);
  return (
    <View className="choices" data-testid={testId}>
      <Radio.Group
        shape="button"
        direction="horizontal"
        value={chosen < 0 ? '' : String(chosen)}
        onChange={(i) => onChange(options[Number(i)]?.value)}
      >
        {options.map((o, i) => (
          <Radio key={o.label} value={String(i)}>
            {o.label}
          </Radio>
        ))}
      </Radio.Group>
    </View>
  );
}
