import { View } from '@tarojs/components';

/**
 * An on/off switch (关怀模式, 置顶, 匿名 …), home-made as the choices are (docs/design.md §Choices, §Switches):
 * NutUI's switch hands its role to Taro as `ariaRole`, which the H5 build writes as the invalid
 * `aria-role` attribute, so a screen reader in the browser never heard a switch (axe aria-valid-attr).
 * Here H5 gets the real `role="switch"`/`aria-checked` and the mini-program the view's `ariaRole`/
 * `ariaChecked` for WeChat's screen reader (not passed on by Taro's templates yet: components/a11y.ts).
 * A ≥ 44 × 70 px target (48 in care mode); the knob's side says on or off as well as the colour does.
 */
export function Switch({
  checked,
  onChange,
  disabled = false,
  'aria-label': label,
  'data-testid': testId,
}: {
  checked: boolean;
  onChange: (on: boolean) => void;
  disabled?: boolean;
  /** Required: a switch's name is what a screen reader says (axe aria-toggle-field-name). */
  'aria-label': string;
  'data-testid'?: string;
}) {
  const a11y: Record<string, unknown> =
    process.env.TARO_ENV === 'h5'
      ? { role: 'switch', 'aria-checked': checked, 'aria-disabled': disabled, 'aria-label': label, tabIndex: 0 }
      : { ariaRole: 'switch', ariaChecked: checked, ariaDisabled: disabled, ariaLabel: label };
  return (
    <View
      className={`toggle${checked ? ' toggle--on' : ''}${disabled ? ' toggle--disabled' : ''}`}
      data-testid={testId}
      {...a11y}
      onClick={() => {
        if (!disabled) onChange(!checked);
      }}
    />
  );
}
