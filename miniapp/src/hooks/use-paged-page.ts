import { useDidShow, useReachBottom } from '@tarojs/taro';
import { usePullRefresh } from './use-pull-refresh';

/**
 * A page that is a paged list: pull down to reload, reach the bottom to load more, and reload when
 * the user comes back to it (a detail page may have changed a row).
 */
export function usePagedPage(list: { data: unknown; reload: () => Promise<void>; loadMore: () => Promise<void> }) {
  usePullRefresh(list.reload);
  useReachBottom(() => void list.loadMore());
  useDidShow(() => void (list.data && list.reload()));
}
