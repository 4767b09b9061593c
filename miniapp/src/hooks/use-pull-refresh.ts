import Taro, { usePullDownRefresh } from '@tarojs/taro';

/**
 * Pull down to reload: runs every `reload` given (a page's requests, side by side) and puts the spinner
 * away once all have settled — also when one fails, which would otherwise leave it spinning. Taro calls
 * the latest render's callback, so the reloads may be new functions on every render.
 */
export function usePullRefresh(...reloads: (() => unknown)[]) {
  usePullDownRefresh(async () => {
    try {
      await Promise.all(reloads.map((reload) => reload()));
    } finally {
      Taro.stopPullDownRefresh();
    }
  });
}
