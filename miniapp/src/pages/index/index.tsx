import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { Button } from '../../ui';
import { bff, hasSession, loginWithWechat } from '../../session';
import { nextRoute } from '../../entry';

/** The splash: signs in (wx.login in WeChat, the dev login in a dev H5 build) and routes onward. */
export default function Index() {
  const [error, setError] = useState<Error>();
  const [needsWechat, setNeedsWechat] = useState(false);

  async function enter() {
    setError(undefined);
    try {
      if (!hasSession()) {
        if (process.env.TARO_ENV === 'weapp') await loginWithWechat();
        else if (DEV_LOGIN) return void Taro.redirectTo({ url: '/pages/dev-login/index' });
        else return setNeedsWechat(true);
      }
      const me = await bff.me();
      await Taro.reLaunch({ url: nextRoute(me) });
    } catch (err) {
      setError(err as Error);
    }
  }

  useDidShow(() => void enter());

  if (needsWechat) {
    return (
      <PageShell>
        <View data-testid="open-in-wechat">
          <Text className="section-title">请在微信中打开物业通</Text>
          <Text className="hint">在微信中搜索“物业通”小程序即可登录使用。</Text>
          <View className="actions">
            <Button size="large" onClick={() => void Taro.navigateTo({ url: '/packages/cashier/login/index' })}>
              物业工作人员：收银台扫码登录
            </Button>
          </View>
        </View>
      </PageShell>
    );
  }
  return (
    <PageShell loading={!error} error={error} onRetry={() => void enter()}>
      <View className="actions">
        <Button onClick={() => void enter()}>重新进入</Button>
      </View>
    </PageShell>
  );
}
