import { View } from '@tarojs/components';
import { ariaControl } from './a11y';

/**
 * Several choices out of a few (a survey's multiple choice, whom a notice or an escalation step reaches):
 * a `group` of `checkbox`es drawn as the radio buttons of ChoiceGroup are (docs/design.md §Choices) — ≥ 44 px
 * targets (48 in care mode), ≥ 15 px text, wrapping — with a ✓ before each chosen one, so the choice is
 * not told by colour and border alone. Home-made rather than NutUI's Checkbox, which hands Taro
 * `ariaRole`, written in H5 as the invalid `aria-role` (axe aria-valid-attr, aria-allowed-attr).
 */
export function CheckGroup<T extends string>({
  options,
  chosen,
  onToggle,
  disabled = false,
  label,
  testId,
}: {
  options: { value: T; label: string }[];
  chosen: readonly T[];
  onToggle: (value: T) => void;
  disabled?: boolean;
  /** The question or title the boxes answer: what a screen reader says for the group. */
  label: string;
  testId?: string;
}) {
  return (
    <View className="choices" data-testid={testId} {...ariaControl({ role: 'group', label })}>
      {options.map((o) => {
        const on = chosen.includes(o.value);
        return (
          <View
            key={o.value}
            className={`choice choice--check${on ? ' choice--on' : ''}${disabled ? ' choice--disabled' : ''}`}
            {...ariaControl({ role: 'checkbox', checked: on, disabled })}
            onClick={() => {
              if (!disabled) onToggle(o.value);
            }}
          >
            {o.label}
          </View>
        );
      })}
    </View>
  );
}
