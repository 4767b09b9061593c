import { View } from '@tarojs/components';
import { ariaControl } from './a11y';

/**
 * One choice out of a few (a community, a category, a period): a radio group drawn as buttons, so screen
 * readers hear "radio, checked" and every option is a ≥ 44 px target with ≥ 15 px text (docs/design.md
 * §Choices). Home-made rather than NutUI's Radio, which cost the main package ~10 KB (§Main package size).
 * `undefined` is a value too ("全部").
 */
export function ChoiceGroup<T extends string>({
  options,
  value,
  onChange,
  testId,
  label,
}: {
  options: { value: T | undefined; label: string }[];
  value: T | undefined;
  onChange: (v: T | undefined) => void;
  testId?: string;
  /** What the choice is about, when no visible title names it: what a screen reader says for the group. */
  label?: string;
}) {
  return (
    <View className="choices" data-testid={testId} {...ariaControl({ role: 'radiogroup', label })}>
      {options.map((o) => {
        const on = o.value === value;
        return (
          <View
            key={o.label}
            className={on ? 'choice choice--on' : 'choice'}
            {...ariaControl({ role: 'radio', checked: on })}
            onClick={() => {
              if (!on) onChange(o.value);
            }}
          >
            {o.label}
          </View>
        );
      })}
    </View>
  );
}
