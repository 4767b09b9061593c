import { Text, View } from '@tarojs/components';
import { Button } from '../ui';

/** The end of a paged list: "加载更多" while there is more, the count once all is shown. */
export function ListFooter({
  list,
}: {
  list: { hasMore: boolean; loadingMore: boolean; total: number; loadMore: () => Promise<void> };
}) {
  return (
    <View className="list-footer">
      {list.hasMore ? (
        <Button fill="none" loading={list.loadingMore} onClick={() => void list.loadMore()}>
          加载更多
        </Button>
      ) : (
        <Text className="list-footer__end">已显示全部 {list.total} 条</Text>
      )}
    </View>
  );
}
