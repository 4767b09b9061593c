import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';

/**
 * A page that is a paged list: pull down to reload, reach the bottom to load more, and reload when
 * the user comes back to it (a detail page may have changed a row).
 */
export function usePagedPage(list: { data: unknown; reload: () => Promise<void>; loadMore: () => Promise<void> }) {
  usePullDownRefresh(async () => {
    await list.reload();
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => void list.loadMore());
  useDidShow(() => void (list.data && list.reload()));
}
