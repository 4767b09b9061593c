import Taro from '@tarojs/taro';
import { bff } from '../../session';
import type { SubscribeResult } from './endpoints';

/**
 * Asks the resident, from a tap, for subscribe messages of up to 3 templates (docs/wechat.md §4), and
 * reports the answers so the BFF counts one push per accept. When the main switch is off, explains
 * and offers the settings page instead of a prompt that would fail.
 * https://developers.weixin.qq.com/miniprogram/dev/api/open-api/subscribe-message/wx.requestSubscribeMessage.html
 */
export async function askForPush(templateIds: string[]): Promise<number> {
  const tmplIds = templateIds.slice(0, 3);
  if (process.env.TARO_ENV !== 'weapp') {
    await Taro.showToast({ title: '请在微信中打开以开启消息提醒', icon: 'none' });
    return 0;
  }
  const setting = await Taro.getSetting({ withSubscriptions: true });
  if (setting.subscriptionsSetting?.mainSwitch === false) {
    const { confirm } = await Taro.showModal({
      title: '消息提醒已关闭',
      content: '您关闭了订阅消息，无法收到公告和报修进度提醒。是否前往设置开启？',
      confirmText: '去设置',
    });
    if (confirm) await Taro.openSetting({ withSubscriptions: true });
    return 0;
  }
  const answer = (await Taro.requestSubscribeMessage({
    tmplIds,
    entityIds: [],
  } as unknown as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, string>;
  const results = Object.fromEntries(
    tmplIds.filter((id) => typeof answer[id] === 'string').map((id) => [id, answer[id] as SubscribeResult]),
  );
  if (Object.keys(results).length) await bff.reportSubscriptions(results);
  const accepted = Object.values(results).filter((r) => r === 'accept').length;
  await Taro.showToast({ title: accepted ? '已开启提醒' : '未开启提醒', icon: 'none' });
  return accepted;
}
