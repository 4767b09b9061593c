import { Text } from '@tarojs/components';

/** NutUI's default empty picture is fetched from a CDN; a local glyph works offline and in review. */
export function EmptyIcon({ glyph = '📭' }: { glyph?: string }) {
  return <Text style={{ fontSize: '64px', lineHeight: '1.2' }}>{glyph}</Text>;
}
