import { View } from '@tarojs/components';

/**
 * ARIA for one option. H5 needs the real `role`/`aria-checked`; the mini-program's view takes `ariaRole`/
 * `ariaChecked` (Taro writes them as `aria-role`, which WeChat's screen reader reads and HTML does not).
 */
const a11y = (role: string, checked?: boolean): Record<string, unknown> =>
  process.env.TARO_ENV === 'h5' ? { role, 'aria-checked': checked } : { ariaRole: role, ariaChecked: checked };

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
}: {
  options: { value: T | undefined; label: string }[];
  value: T | undefined;
  onChange: (v: T | undefined) => void;
  testId?: string;
}) {
  return (
    <View className="choices" data-testid={testId} {...a11y('radiogroup')}>
      {options.map((o) => {
        const on = o.value === value;
        return (
          <View
            key={o.label}
            className={on ? 'choice choice--on' : 'choice'}
            {...a11y('radio', on)}
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
