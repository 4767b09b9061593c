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

const beijing = (d: Date) => {
  const [date, time] = beijingMinute(d).split(' ') as [string, string];
  return { date, time };
};

/** A value for a keyword of `type`: a string, a Date (time/date) or integer fen (amount). */
export function fitValue(type: KeywordType, value: string | number | Date): string {
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
