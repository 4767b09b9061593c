import { beijingMinute } from '../beijing.js';
/**
 * Subscribe-message values fitted to their keyword type's limits (docs/wechat.md §4), so WeChat never
 * refuses our data for length or form (47003). Text types are cut with an ellipsis where the type
 * allows one; money is formatted from fen, times in Beijing time.
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
 */
export type KeywordType =
  | 'thing'
  | 'phrase'
  | 'character_string'
  | 'number'
  | 'letter'
  | 'symbol'
  | 'name'
  | 'phone_number'
  | 'car_number'
  | 'amount'
  | 'time'
  | 'date';

const cut = (s: string, max: number, ellipsis: boolean) => {
  const chars = Array.from(s.replace(/\s+/g, ' ').trim());
  if (chars.length <= max) return chars.join('');
  return ellipsis ? `${chars.slice(0, max - 1).join('')}…` : chars.slice(0, max).join('');
};

/**
 * Beijing date and time in the shape WeChat documents for `time` and `date` keywords: `2026年12月3日`
 * and `18:48` (24-hour, no seconds). `2026-12-03 18:48` is not a documented shape (docs/wechat.md §4).
 */
const beijing = (d: Date) => {
  const [day, time] = beijingMinute(d).split(' ') as [string, string];
  const [y, m, dd] = day.split('-').map(Number) as [number, number, number];
  return { date: `${y}年${m}月${dd}日`, time };
};

/**
 * What a keyword gets when our value fits to nothing (an empty title, a phrase without Chinese
 * characters): WeChat refuses an empty value with 47003 (`data.thing1.value is empty`), and a message
 * with a placeholder beats a lost one (docs/wechat.md §4). Each fallback obeys its type's rule.
 */
export const EMPTY_FALLBACK: Record<Exclude<KeywordType, 'amount' | 'time' | 'date'>, string> = {
  thing: '无',
  phrase: '无',
  character_string: '-',
  number: '0',
  letter: 'N',
  symbol: '-',
  name: '无',
  phone_number: '-',
  car_number: '无',
};

/** A value for a keyword of `type`: a string, a Date (time/date) or integer fen (amount). */
export function fitValue(type: KeywordType, value: string | number | Date): string {
  const fitted = fitRaw(type, value);
  return fitted === '' && type in EMPTY_FALLBACK ? EMPTY_FALLBACK[type as keyof typeof EMPTY_FALLBACK] : fitted;
}

function fitRaw(type: KeywordType, value: string | number | Date): string {
  switch (type) {
    case 'thing':
      return cut(String(value), 20, true);
    case 'phrase':
      // Chinese characters only, at most 5: anything else is dropped rather than sent to be refused.
      return cut(String(value).replace(/[^\u4e00-\u9fa5]/g, ''), 5, false);
    case 'character_string':
      return cut(String(value).replace(/[^\x21-\x7e]/g, ''), 32, false);
    case 'number':
      return cut(String(value).replace(/[^\d.]/g, ''), 32, false);
    case 'letter':
      return cut(String(value).replace(/[^A-Za-z]/g, ''), 32, false);
    case 'symbol':
      return cut(String(value), 5, false);
    case 'name': {
      const s = String(value).trim();
      return /^[\u4e00-\u9fa5·]*$/.test(s) ? cut(s, 10, false) : cut(s, 20, false);
    }
    case 'phone_number':
      return cut(String(value).replace(/[^\d+\-() ]/g, ''), 17, false);
    case 'car_number':
      return cut(String(value), 8, false);
    case 'amount': {
      const fen = Number(value);
      if (!Number.isInteger(fen)) throw new Error(`amount must be integer fen, got ${String(value)}`);
      const sign = fen < 0 ? '-' : '';
      const abs = Math.abs(fen);
      return `${sign}¥${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
    }
    case 'time': {
      const { date, time } = beijing(value instanceof Date ? value : new Date(value));
      return `${date} ${time}`;
    }
    case 'date':
      return beijing(value instanceof Date ? value : new Date(value)).date;
  }
}
