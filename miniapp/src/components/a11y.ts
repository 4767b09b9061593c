/**
 * Names for screen readers on Taro's H5 components, which draw an inner <img>/<input> that takes only
 * `nativeProps` (an `aria-label` on the component stays on its outer element, where it names nothing).
 * The mini-program's components are given `ariaLabel` (WeChat's `aria-label`), which Taro 4.2.1's templates do
 * not pass on to WeChat yet (docs/design.md §Names, Open).
 */
const named = (attr: 'alt' | 'aria-label', text: string): Record<string, unknown> =>
  process.env.TARO_ENV === 'h5' ? { nativeProps: { [attr]: text } } : { ariaLabel: text };

/** A picture's text alternative (WCAG 2.1 SC 1.1.1; axe image-alt): what it shows or is for. */
export const alt = (text: string) => named('alt', text);

/**
 * An input's name (WCAG 2.1 SC 1.3.1, 4.1.2; axe label): the words of the visible label beside it, so the
 * field is read as what it is, not by its placeholder (which is gone once something is typed).
 */
export const inputLabel = (text: string) => named('aria-label', text);

/**
 * A control's role and state for screen readers (our choices, checkboxes, the ballot's cards): H5 needs the
 * real `role`/`aria-*` attributes (Taro would write `ariaRole` as `aria-role` in H5, which HTML does not know);
 * the mini-program's view is given `ariaRole`/`ariaChecked`/… for WeChat (not passed on yet, as above).
 */
export function ariaControl(a: { role: string; checked?: boolean; disabled?: boolean; label?: string }) {
  return process.env.TARO_ENV === 'h5'
    ? { role: a.role, 'aria-checked': a.checked, 'aria-disabled': a.disabled || undefined, 'aria-label': a.label }
    : { ariaRole: a.role, ariaChecked: a.checked, ariaDisabled: a.disabled, ariaLabel: a.label };
}
