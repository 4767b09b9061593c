import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Complaint, Order } from '@nutui/icons-react-taro';
import { Cell, CellGroup } from '../../ui';

export const COMPLAINTS_PAGE = '/packages/voice/complaints/index';
export const SURVEYS_PAGE = '/packages/voice/surveys/index';

const LINKS = [
  { key: 'complaints', title: '投诉与建议', text: '投诉、咨询，查看处理进度', url: COMPLAINTS_PAGE, Icon: Complaint },
  { key: 'surveys', title: '问卷调查', text: '满意度调查、意见征询', url: SURVEYS_PAGE, Icon: Order },
];

/** The way to 投诉与建议 and 问卷调查 (the voice subpackage), on the home page and on 我的. */
export function VoiceLinks() {
  return (
    <CellGroup title="意见与调查" data-testid="voice-links">
      {LINKS.map(({ key, title, text, url, Icon }) => (
        <Cell
          key={key}
          title={
            <View style={{ display: 'flex', alignItems: 'center', gap: '8px' }}>
              <Icon size={22} color="var(--wyt-brand)" />
              <Text>{title}</Text>
            </View>
          }
          description={text}
          clickable
          onClick={() => void Taro.navigateTo({ url })}
          data-testid={`link-${key}`}
        />
      ))}
    </CellGroup>
  );
}
