import { View } from '@tarojs/components';
import { Icon, type IconName } from './icon';

/** NutUI's default empty picture is fetched from a CDN; a local glyph works offline and in review. */
export function EmptyIcon({ name = 'inbox' }: { name?: IconName }) {
  return (
    <View style={{ display: 'flex', alignItems: 'center', justifyContent: 'center', width: '100%', height: '100%' }}>
      <Icon name={name} size={56} color="var(--wyt-text-secondary)" />
    </View>
  );
}
