import Taro from '@tarojs/taro';
import { Cell, CellGroup } from '../../ui';

export const COMPLAINTS_PAGE = '/packages/voice/complaints/index';
export const SURVEYS_PAGE = '/packages/voice/surveys/index';

const LINKS = [
  { key: 'complaints', title: '投诉与建议', text: '投诉、咨询，查看处理进度', url: COMPLAINTS_PAGE },
  { key: 'surveys', title: '问卷调查', text: '满意度调查、意见征询', url: SURVEYS_PAGE },
];

/**
 * The way to 投诉与建议 and 问卷调查 (the voice subpackage), on the home page and on 我的: a word and a line
 * each. No icon: the two NutUI icons would add 4.5 KB to the weapp main package for two links.
 */
export function VoiceLinks() {
  return (
    <CellGroup title="意见与调查" data-testid="voice-links">
      {LINKS.map(({ key, title, text, url }) => (
        <Cell
          key={key}
          title={title}
          description={text}
          clickable
          onClick={() => void Taro.navigateTo({ url })}
          data-testid={`link-${key}`}
        />
      ))}
    </CellGroup>
  );
}
