import { Text, View } from '@tarojs/components';

/**
 * The banner of the development-only screens (H5 dev login, typed phone number). A plain note rather than
 * NutUI's NoticeBar, whose 13 KB sat in the main package for two dev banners (docs/design.md §Main package size).
 */
export function DevNote({ children }: { children: string }) {
  return (
    <View className="dev-note" role="note">
      <Text>{children}</Text>
    </View>
  );
}
