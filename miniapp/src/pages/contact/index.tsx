import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Icon } from '../../components/icon';
import { PageShell } from '../../components/page-shell';
import { BindFirst } from '../../components/bind-first';
import { Button } from '../../ui';
import { bff } from '../../session';
import { useRequest } from '../../hooks/use-request';
import { formatPhone } from '../../features/display/format';
import './contact.css';

const call = (phoneNumber: string) => void Taro.makePhoneCall({ phoneNumber }).catch(() => undefined);

/**
 * 联系物业: for each community the resident has a home in, the 24-hour duty line and office hours, one
 * tap to call; in Shanghai also the city's property hotline 962121 (bff/src/me/contact.ts).
 */
export default function Contact() {
  const me = useRequest(() => bff.me(), []);
  const seen = new Set<string>();
  const communities = (me.data?.units ?? [])
    .map((u) => u.community)
    .filter((c) => !seen.has(c.id) && (seen.add(c.id), true));
  if (me.data && communities.length === 0)
    return (
      <PageShell>
        <BindFirst reason="绑定房屋后，这里会显示您小区物业的值班电话" />
      </PageShell>
    );
  return (
    <PageShell request={me}>
      {communities.map((c) => (
        <View key={c.id} className="contact-card" data-testid="contact-card">
          <Text className="contact-card__name">{c.name}物业服务中心</Text>
          {c.dutyPhone ? (
            <Button type="primary" size="large" block onClick={() => call(c.dutyPhone!)}>
              <Icon name="phone" size={20} color="#ffffff" /> 拨打24小时值班电话 {formatPhone(c.dutyPhone)}
            </Button>
          ) : (
            <Text className="contact-card__text">物业还没有登记值班电话，请到物业服务中心咨询</Text>
          )}
          {c.officeHours && <Text className="contact-card__text">办公时间：{c.officeHours}</Text>}
          {c.cityHotline && (
            <>
              <Text className="contact-card__text">物业解决不了的问题，可以拨打上海市物业服务热线</Text>
              <Button fill="outline" type="primary" size="large" block onClick={() => call(c.cityHotline!)}>
                拨打 {c.cityHotline}
              </Button>
            </>
          )}
        </View>
      ))}
    </PageShell>
  );
}
