import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Icon, type IconName } from '../../components/icon';
import { Button } from '../../ui';
import { CONTACT_PAGE } from '../../components/way-out';
import { setCare, shouldOfferCare, useDisplay } from './display';
import './care.css';

const TILES: { key: string; title: string; url: string; icon: IconName }[] = [
  { key: 'repairs', title: '报修', url: '/pages/repairs/index', icon: 'repair' },
  { key: 'fees', title: '缴费', url: '/pages/fees/index', icon: 'wallet' },
  { key: 'notices', title: '公告', url: '/pages/notices/index', icon: 'notice' },
  { key: 'contact', title: '联系物业', url: CONTACT_PAGE, icon: 'phone' },
];

/** The care-mode home (docs/design.md §Care mode): four large tiles, a word and an icon each. */
export function CareTiles() {
  return (
    <View className="care-tiles" data-testid="care-tiles">
      {TILES.map(({ key, title, url, icon }) => (
        <View
          key={key}
          className="care-tile"
          role="button"
          data-testid={`care-${key}`}
          onClick={() => void Taro.navigateTo({ url })}
        >
          <Icon name={icon} size={40} />
          <Text className="care-tile__title">{title}</Text>
        </View>
      ))}
    </View>
  );
}

/** Offered once when WeChat's font is large (display.ts LARGE_FONT); yes or no, it is not asked again. */
export function CareOffer() {
  if (!shouldOfferCare(useDisplay())) return null;
  return (
    <View className="care-offer" data-testid="care-offer">
      <Text className="care-offer__text">您的微信字体较大，要开启关怀模式吗？字更大、按钮更大，首页更简单。</Text>
      <Button type="primary" size="large" block onClick={() => setCare(true)}>
        开启关怀模式
      </Button>
      <Button fill="none" size="large" block onClick={() => setCare(false)}>
        暂不需要
      </Button>
    </View>
  );
}
