import { View, Text } from '@tarojs/components';

/** NutUI's default empty picture is fetched from a CDN; a local glyph works offline and in review. */
export function EmptyIcon({ glyph = '📭' }: { glyph?: string }) {
  return (
    <View style={{ display: 'flex', alignItems: 'center', justifyContent: 'center', width: '100%', height: '100%' }}>
      <Text style={{ fontSize: '56px', lineHeight: '1' }}>{glyph}</Text>
    </View>
  );
}
