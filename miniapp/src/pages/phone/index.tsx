import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text, Button as NativeButton } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { Button, Input } from '../../ui';
import { DevNote } from '../../components/dev-note';
import { bff, mintDemoPhoneCode } from '../../session';
import { useAction } from '../../hooks/use-request';
import { humanToast } from '../../features/errors/human-errors';
import { inputLabel } from '../../components/a11y';

/** Binds the verified phone number: WeChat's getPhoneNumber button; in a dev H5 build, a typed number. */
export default function Phone() {
  const [phone, setPhone] = useState('');
  // The code comes from WeChat's button, or in a dev H5 build from the simulator.
  const bind = useAction(async (getCode: () => Promise<string>) => {
    await bff.bindPhone(await getCode());
    await Taro.showToast({ title: '手机号已绑定', icon: 'success' });
    await Taro.reLaunch({ url: '/pages/index/index' });
  });

  return (
    <PageShell>
      <View data-testid="phone-page">
        <Text className="section-title">授权手机号</Text>
        <Text className="hint">
          物业通用手机号核对业主花名册，并在报修时联系您。号码仅物业工作人员可见，且默认隐去中间四位。
        </Text>
        {process.env.TARO_ENV === 'weapp' && (
          <NativeButton
            type="primary"
            openType="getPhoneNumber"
            onGetPhoneNumber={(e) => {
              const code = (e.detail as { code?: string }).code;
              if (code) void bind.run(async () => code);
              else void Taro.showToast({ title: '需要授权手机号才能继续', icon: 'none' });
            }}
          >
            微信手机号快捷授权
          </NativeButton>
        )}
        {process.env.TARO_ENV === 'h5' && DEV_LOGIN && (
          <View>
            <DevNote>开发模式：输入手机号，由微信模拟器签发授权码。</DevNote>
            <Input
              placeholder="请输入手机号"
              type="number"
              maxLength={11}
              value={phone}
              onChange={setPhone}
              {...inputLabel('手机号')}
              data-testid="phone-input"
            />
            <View className="actions">
              <Button
                type="primary"
                loading={bind.running}
                disabled={!/^1\d{10}$/.test(phone)}
                onClick={() => void bind.run(() => mintDemoPhoneCode(phone))}
                data-testid="phone-submit"
              >
                绑定手机号
              </Button>
            </View>
          </View>
        )}
        {bind.error && <Text className="hint error">{humanToast(bind.error)}</Text>}
      </View>
    </PageShell>
  );
}
