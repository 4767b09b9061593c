import { describe, expect, it } from 'vitest';
import { clockWords } from './clock-words';

const now = new Date('2026-12-03T02:00:00.000Z');
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

describe('clockWords', () => {
  it('says what is left before the deadline', () => {
    expect(clockWords(at(125), now)).toEqual({ text: '剩余 2 小时 5 分', overdue: false });
    expect(clockWords(at(59), now).text).toBe('剩余 59 分');
    expect(clockWords(at(0.5), now).text).toBe('剩余 不到 1 分钟');
  });
  it('says how late after it, days and hours only once past a day', () => {
    expect(clockWords(at(-(27 * 60 + 10)), now)).toEqual({ text: '已超时 1 天 3 小时', overdue: true });
    expect(clockWords(at(-2 * 1440), now).text).toBe('已超时 2 天');
    expect(clockWords(at(0), now).overdue).toBe(true);
  });
});
