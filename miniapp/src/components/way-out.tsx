import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '../ui';
import type { WayOut } from '../features/errors/human-errors';

const HOME = '/pages/home/index';
export const CONTACT_PAGE = '/pages/contact/index';

const go = (url: string) => void Taro.navigateTo({ url }).catch(() => Taro.reLaunch({ url }));

/**
 * The button that gets a resident unstuck (docs/design.md §Errors): the error table names the way;
 * 返回首页 always stays as the second way unless it is the first.
 */
export function WayOutButtons({ way, onRetry }: { way: WayOut; onRetry?: () => void }) {
  const first: Record<WayOut, { label: string; act: () => void } | undefined> = {
    retry: onRetry ? { label: '重试', act: onRetry } : undefined,
    home: undefined,
    bind: { label: '去绑定房屋', act: () => go('/pages/bind/index') },
    contact: { label: '联系物业', act: () => go(CONTACT_PAGE) },
    relogin: { label: '重新登录', act: () => void Taro.reLaunch({ url: '/pages/index/index' }) },
  };
  const main = first[way];
  return (
    <View className="way-out">
      {main && (
        <Button type="primary" size="large" block onClick={main.act}>
          {main.label}
        </Button>
      )}
      {way !== 'relogin' && (
        <Button fill="outline" type="primary" size="large" block onClick={() => void Taro.reLaunch({ url: HOME })}>
          返回首页
        </Button>
      )}
    </View>
  );
}
