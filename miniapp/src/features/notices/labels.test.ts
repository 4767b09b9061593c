import { describe, expect, it } from 'vitest';
import { htmlToText, textToHtml } from './labels';
import { shortTime } from '../../beijing';

describe('notice text helpers', () => {
  it('turns typed lines into paragraphs, escaping markup, and back', () => {
    const html = textToHtml('明日停水\n\n请提前储水 <b>注意</b> & 安全');
    expect(html).toBe('<p>明日停水</p><p>请提前储水 &lt;b&gt;注意&lt;/b&gt; &amp; 安全</p>');
    expect(htmlToText(html)).toBe('明日停水\n请提前储水 <b>注意</b> & 安全');
  });
  it('shows times in Beijing time', () => {
    expect(shortTime('2026-11-23T06:30:00Z')).toBe('11月23日 14:30');
    expect(shortTime(null)).toBe('');
  });
});
