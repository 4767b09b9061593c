import { describe, expect, it } from 'vitest';
import { describeAgent } from './desk-login.js';
import { copyText } from '../db-copy.js';

describe('describeAgent: the desk as the phone shows it', () => {
  it.each([
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
      'Chrome 130 · Windows',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.2849.68',
      'Edge 130 · Windows',
    ],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15',
      'Safari 17 · macOS',
    ],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:131.0) Gecko/20100101 Firefox/131.0', 'Firefox 131 · Linux'],
    ['curl/8.5.0', '浏览器 · 未知系统'],
  ])('%s → %s', (ua, shown) => {
    expect(describeAgent(ua)).toBe(shown);
  });
});

describe('copyText: values as COPY reads them', () => {
  it('escapes what would break a row and writes null as \\N', () => {
    expect(copyText('a\tb\nc\\d\re')).toBe('a\\tb\\nc\\\\d\\re');
    expect(copyText(null)).toBe('\\N');
    expect(copyText(12)).toBe('12');
    expect(copyText('98.60㎡ × 2.35元/㎡·月')).toBe('98.60㎡ × 2.35元/㎡·月');
  });
});
