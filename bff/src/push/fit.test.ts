import { describe, expect, it } from 'vitest';
import { fitValue } from './fit.js';

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
    expect(fitValue('time', new Date('2026-11-23T06:30:00Z'))).toBe('2026-11-23 14:30');
    expect(fitValue('date', new Date('2026-11-23T17:30:00Z'))).toBe('2026-11-24');
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
