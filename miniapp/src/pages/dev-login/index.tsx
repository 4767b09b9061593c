import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { Cell, CellGroup } from '../../ui';
import { DevNote } from '../../components/dev-note';
import { DEMO_USERS } from '../../dev/demo-users';
import { loginAsDemo } from '../../session';
import { useAction } from '../../hooks/use-request';

/** H5 development only: pick a demo user; the simulator mints their login code. */
export default function DevLogin() {
  const login = useAction(async (openid: string) => {
    await loginAsDemo(openid);
    await Taro.reLaunch({ url: '/pages/index/index' });
  });
  if (!DEV_LOGIN) return <PageShell empty emptyText="此版本未开启开发登录" />;
  return (
    <PageShell>
      <DevNote>开发模式：选择演示用户登录，仅用于开发和测试，正式版本不包含此功能。</DevNote>
      <View data-testid="dev-login">
        <CellGroup title="选择演示用户">
          {DEMO_USERS.map((u) => (
            <Cell
              key={u.openid}
              title={u.label}
              description={u.openid}
              clickable
              onClick={() => void login.run(u.openid)}
              data-testid={`demo-${u.openid}`}
            />
          ))}
        </CellGroup>
      </View>
    </PageShell>
  );
}
