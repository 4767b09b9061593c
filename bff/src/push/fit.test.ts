import { describe, expect, it } from 'vitest';
import { WECHAT_DOC_SUBSCRIBE_VALUES } from '../wechat/samples/subscribe-values.js';
import { EMPTY_FALLBACK, fitValue } from './fit.js';

describe('subscribe-message values fitted to their type (docs/wechat.md §4)', () => {
  it.each([
    ['thing', '梧桐苑3号楼电梯维修完成，请业主知悉并配合后续检查工作', '梧桐苑3号楼电梯维修完成，请业主知悉并…'],
    ['thing', '停水通知', '停水通知'],
    ['phrase', '停水停电通知', '停水停电通'],
    ['phrase', '已受理 OK', '已受理'],
    ['character_string', 'BX20261123-0042-梧桐苑-very-long-suffix-here', 'BX20261123-0042--very-long-suffi'],
    ['number', '12,345', '12345'],
    ['name', '欧阳娜娜欧阳娜娜欧阳娜娜', '欧阳娜娜欧阳娜娜欧阳'],
    ['phone_number', '+86 138-1234-5678 转 123', '+86 138-1234-5678'],
    ['car_number', '沪A·12345新能源', '沪A·12345'],
  ] as const)('%s: %s', (type, input, output) => {
    const fitted = fitValue(type, input);
    expect(fitted).toBe(output);
  });

  it('formats money from integer fen and times in Beijing time', () => {
    expect(fitValue('amount', 12050)).toBe('¥120.50');
    expect(fitValue('amount', 7)).toBe('¥0.07');
    expect(() => fitValue('amount', 12.5)).toThrow();
    expect(fitValue('time', new Date('2026-11-23T06:30:00Z'))).toBe('2026年11月23日 14:30');
    expect(fitValue('time', new Date('2026-12-03T10:48:00Z'))).toBe('2026年12月3日 18:48');
    expect(fitValue('date', new Date('2026-11-23T17:30:00Z'))).toBe('2026年11月24日');
  });

  it("writes times and dates in the shape of WeChat's documented examples", () => {
    const [, timeExample] = WECHAT_DOC_SUBSCRIBE_VALUES.time;
    const [dateExample] = WECHAT_DOC_SUBSCRIBE_VALUES.date;
    expect(fitValue('time', new Date('2019-10-01T07:01:00Z'))).toBe(timeExample);
    expect(fitValue('date', new Date('2019-10-01T07:01:00Z'))).toBe(dateExample);
  });

  it('never sends an empty value: a placeholder of the right type instead', () => {
    expect(fitValue('thing', '   ')).toBe('无');
    expect(fitValue('phrase', 'OK')).toBe('无');
    expect(fitValue('character_string', '梧桐苑')).toBe('-');
    expect(fitValue('number', '')).toBe('0');
    for (const type of Object.keys(EMPTY_FALLBACK) as (keyof typeof EMPTY_FALLBACK)[])
      expect(fitValue(type, ''), type).not.toBe('');
  });

  it('never exceeds the limits, whatever the input', () => {
    const long = '长'.repeat(100) + 'x'.repeat(100);
    const limits = {
      thing: 20,
      phrase: 5,
      character_string: 32,
      number: 32,
      letter: 32,
      symbol: 5,
      name: 20,
      phone_number: 17,
      car_number: 8,
    } as const;
    for (const [type, max] of Object.entries(limits))
      expect(Array.from(fitValue(type as keyof typeof limits, long)).length, type).toBeLessThanOrEqual(max);
  });
});
