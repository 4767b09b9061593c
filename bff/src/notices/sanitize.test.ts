import { describe, expect, it } from 'vitest';
import { sanitizeNoticeHtml } from './sanitize.js';

describe('notice HTML (issue 12)', () => {
  it.each([
    ['<p>停水通知</p><script>alert(1)</script>', '<p>停水通知</p>'],
    ['<p onclick="steal()">点我</p>', '<p>点我</p>'],
    ['<a href="javascript:alert(1)">链接</a>', '<a>链接</a>'],
    ['<a href="JaVaScRiPt:alert(1)">链接</a>', '<a>链接</a>'],
    ['<img src="x" onerror="alert(1)">', '<img src="x" />'],
    ['<iframe src="https://evil.example"></iframe><p>正文</p>', '<p>正文</p>'],
    ['<style>body{display:none}</style><p style="color:red">红字</p>', '<p>红字</p>'],
    ['<svg><script>alert(1)</script></svg>文字', '文字'],
  ])('%s → %s', (input, output) => {
    expect(sanitizeNoticeHtml(input)).toBe(output);
  });

  it('keeps the safe formatting staff use', () => {
    const html =
      '<h3>温馨提示</h3><p><strong>11月30日</strong> 9:00–17:00 停水</p><ul><li>请提前储水</li></ul><a href="tel:021-12345678">物业电话</a><img src="https://cdn.example/a.jpg" alt="图">';
    expect(sanitizeNoticeHtml(html)).toBe(html.replace('alt="图">', 'alt="图" />'));
  });
});
