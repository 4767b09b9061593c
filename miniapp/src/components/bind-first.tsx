import { View, Text } from '@tarojs/components';
import { Icon } from './icon';
import { WayOutButtons } from './way-out';

/**
 * "Bind a home first", said once for every page that needs a verified home (docs/design.md §Errors):
 * an icon, the reason, and the button to bind — never a dead end.
 */
export function BindFirst({ reason = '绑定并通过物业审核后，就能在这里办理' }: { reason?: string }) {
  return (
    <View className="state" data-testid="bind-first">
      <Icon className="state__icon" name="home" size={48} />
      <Text className="state__title">请先绑定您的房屋</Text>
      <Text className="state__text">{reason}</Text>
      <WayOutButtons way="bind" />
    </View>
  );
}
