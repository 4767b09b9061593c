import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '../ui';
import type { WayOut } from '../features/errors/human-errors';

const HOME = '/pages/home/index';
export const CONTACT_PAGE = '/pages/contact/index';

const go = (url: string) => void Taro.navigateTo({ url }).catch(() => Taro.reLaunch({ url }));

/**
 * The buttons that get a resident unstuck (docs/design.md §Errors): the way the error table names
 * first, then 重试 where the page can try again, then 返回首页 — the first one filled, the others outlined.
 */
export function WayOutButtons({ way, onRetry }: { way: WayOut; onRetry?: () => void }) {
  const named: Record<WayOut, { label: string; act: () => void } | undefined> = {
    retry: onRetry ? { label: '重试', act: onRetry } : undefined,
    home: undefined,
    bind: { label: '去绑定房屋', act: () => go('/pages/bind/index') },
    contact: { label: '联系物业', act: () => go(CONTACT_PAGE) },
    relogin: { label: '重新登录', act: () => void Taro.reLaunch({ url: '/pages/index/index' }) },
  };
  const buttons = [
    named[way],
    way !== 'retry' && way !== 'relogin' && onRetry ? { label: '重试', act: onRetry } : undefined,
    way !== 'relogin' ? { label: '返回首页', act: () => void Taro.reLaunch({ url: HOME }) } : undefined,
  ].filter((b) => b !== undefined);
  return (
    <View className="way-out">
      {buttons.map((b, i) => (
        <Button key={b.label} type="primary" fill={i === 0 ? undefined : 'outline'} size="large" block onClick={b.act}>
          {b.label}
        </Button>
      ))}
    </View>
  );
}
