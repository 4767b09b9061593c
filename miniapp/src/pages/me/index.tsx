import Taro from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { ChoiceGroup } from '../../components/choice-group';
import { CONTACT_PAGE } from '../../components/way-out';
import { Cell, CellGroup, Switch } from '../../ui';
import { bff, logout } from '../../session';
import { useRequest } from '../../hooks/use-request';
import { VoiceLinks } from '../../features/voice/voice-links';
import { setCare, setTextChoice, useDisplay, type TextChoice } from '../../features/display/display';

const TEXT_SIZES: { value: TextChoice; label: string }[] = [
  { value: 'wechat', label: '跟随微信' },
  { value: '1', label: '标准' },
  { value: '1.5', label: '大' },
  { value: '2', label: '特大' },
];

/**
 * 我的: how the app looks for this reader (关怀模式, 文字大小), an owner's household (家庭成员与租户), the way
 * to the office, and signing out.
 */
export default function Me() {
  const display = useDisplay();
  const me = useRequest(() => bff.me(), []);
  const owner = me.data?.units.some((u) => u.status === 'VERIFIED' && /OWNER/.test(u.relation));
  return (
    <PageShell>
      <CellGroup title="显示">
        <Cell
          title="关怀模式"
          description="字更大、按钮更大，首页只留报修、缴费、公告、联系物业"
          extra={
            <Switch
              checked={display.care === 'on'}
              onChange={(on) => setCare(on)}
              aria-label="关怀模式"
              data-testid="care-switch"
            />
          }
        />
      </CellGroup>
      <Text className="section-title">文字大小</Text>
      <ChoiceGroup
        testId="text-size"
        options={TEXT_SIZES}
        value={display.text}
        onChange={(v) => v && setTextChoice(v)}
      />
      <VoiceLinks />
      {owner && (
        <CellGroup>
          <Cell
            title="家庭成员与租户"
            description="审核家人、租户的绑定申请"
            clickable
            onClick={() => void Taro.navigateTo({ url: '/packages/household/index' })}
            data-testid="link-household"
          />
        </CellGroup>
      )}
      <CellGroup>
        <Cell title="联系物业" clickable onClick={() => void Taro.navigateTo({ url: CONTACT_PAGE })} />
        <Cell
          title="退出登录"
          clickable
          onClick={async () => (await logout(), void Taro.reLaunch({ url: '/pages/index/index' }))}
        />
      </CellGroup>
    </PageShell>
  );
}
