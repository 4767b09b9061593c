import { useSyncExternalStore } from 'react';
import Taro from '@tarojs/taro';
import type { Display, TextChoice } from './display-rules';

export { displayClasses, shouldOfferCare, textScale, type Display, type TextChoice } from './display-rules';

/**
 * How large the app draws itself (docs/design.md §Care mode and text size): 关怀模式 on or off, and the
 * text scale — WeChat's own font size unless the resident picked one in 我的. Kept on the phone, not on
 * the server: it is about this phone's reader.
 */
const CARE_KEY = 'wyt.care';
const TEXT_KEY = 'wyt.text-scale';
/** WeChat's standard font size in px: before fontSizeScaleFactor existed, the scale was this ratio. */
const WECHAT_STANDARD_FONT_PX = 17;

/** WeChat's font scale: getAppBaseInfo().fontSizeScaleFactor, else fontSizeSetting ÷ 17 (older clients). */
function readWechatScale(): number {
  if (process.env.TARO_ENV !== 'weapp') return 1;
  try {
    const base = typeof Taro.getAppBaseInfo === 'function' ? Taro.getAppBaseInfo() : undefined;
    const factor = (base as { fontSizeScaleFactor?: number } | undefined)?.fontSizeScaleFactor;
    if (typeof factor === 'number' && factor > 0) return factor;
    const px = Taro.getSystemInfoSync().fontSizeSetting;
    return typeof px === 'number' && px > 0 ? px / WECHAT_STANDARD_FONT_PX : 1;
  } catch {
    return 1; // a client that tells us nothing: the standard size
  }
}

function readStored(key: string): string {
  try {
    const v: unknown = Taro.getStorageSync(key);
    return typeof v === 'string' ? v : '';
  } catch {
    return '';
  }
}

function read(): Display {
  const care = readStored(CARE_KEY);
  const text = readStored(TEXT_KEY);
  return {
    care: care === 'on' || care === 'off' ? care : '',
    text: text === '1' || text === '1.5' || text === '2' ? text : 'wechat',
    wechatScale: readWechatScale(),
  };
}

let current: Display | undefined;
const listeners = new Set<() => void>();
const snapshot = () => (current ??= read());
const subscribe = (fn: () => void) => (listeners.add(fn), () => void listeners.delete(fn));

function save(key: string, value: string) {
  Taro.setStorageSync(key, value);
  current = read();
  for (const fn of listeners) fn();
}

export const setCare = (on: boolean) => save(CARE_KEY, on ? 'on' : 'off');
export const setTextChoice = (t: TextChoice) => save(TEXT_KEY, t === 'wechat' ? '' : t);

/** The display settings, re-rendering when they change (one store for every page). */
export function useDisplay(): Display {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
