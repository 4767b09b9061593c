import { Select, type SelectProps } from 'tdesign-react';

/**
 * A TDesign Select named by a wrapping `<label>` (its `aria-label` lands on a wrapper, not the input
 * screen readers reach; docs/console.md, accessibility fixes); the name is read, not shown.
 */
export function Pick({ label, ...props }: SelectProps & { label: string }) {
  return (
    <label className="wyt-voice__pick" data-pick={label}>
      <span className="wyt-voice__sr">{label}</span>
      <Select {...props} />
    </label>
  );
}
