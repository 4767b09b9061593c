import type { CSSProperties } from 'react';
import { Text, View } from '@tarojs/components';
import { PATHS, type IconName } from './icon-paths';

export type { IconName };

/**
 * The app's one icon set (docs/design.md §Icons): 24 × 24 outline glyphs, one path each, drawn 2 px wide
 * with round ends. A glyph is a mask over a block filled with a colour token, so icons take the theme's
 * colours (brand by default) as NutUI's own icons do, and the whole set is a few hundred bytes of paths
 * instead of an icon font or one module per icon. Emoji are never icons: they look different on every
 * phone, cannot be coloured, and screen readers read them out (tests/e2e/every-page-kit.ts checks).
 */

const url = (name: IconName) =>
  `url("data:image/svg+xml,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="#000" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="${PATHS[name]}"/></svg>`,
  )}") 0 0/100% 100% no-repeat`;

/** `color` is a colour token (`var(--wyt-…)`); `size` in CSS px. Decorative: the words beside it say what it is. */
export function Icon({
  name,
  size = 24,
  color = 'var(--wyt-brand)',
  className,
}: {
  name: IconName;
  size?: number;
  color?: string;
  className?: string;
}) {
  const mask = url(name);
  // The vendor-prefixed key as Taro writes it for each target (as NutUI's own icons do).
  const style: CSSProperties & Record<string, string> =
    process.env.TARO_ENV === 'h5' ? { mask, WebkitMask: mask } : { mask, '-webkitMask': mask };
  return (
    <View
      className={`wyt-icon${className ? ` ${className}` : ''}`}
      aria-hidden
      style={{ ...style, width: `${size}px`, height: `${size}px`, backgroundColor: color }}
      data-icon={name}
    />
  );
}

/** An attached file's name after a paper clip (a cell's title). */
export function FileName({ name }: { name?: string | null }) {
  return (
    <View className="file-name">
      <Icon name="clip" size={18} color="var(--wyt-text-secondary)" />
      <Text>{name ?? '附件'}</Text>
    </View>
  );
}
