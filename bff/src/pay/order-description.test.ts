import { describe, expect, it } from 'vitest';
import { orderDescription } from './create-order.js';

/** The order description WeChat writes unquoted into the trade bill's 商品名称 (docs/wechat.md §5). */
describe('the order description', () => {
  it('keeps commas, quotes, backticks and line ends out', () => {
    expect(orderDescription(['维修基金,补缴"', '水费`\r\n第二行'], 2)).toBe(
      '物业缴费-维修基金，补缴、水费 第二行等2笔',
    );
    expect(orderDescription(['物业费', '物业费'], 1)).toBe('物业缴费-物业费');
  });

  it('is still meaningful when every name cleans away to nothing', () => {
    expect(orderDescription(['"`', ' \r\n'], 2)).toBe('物业缴费等2笔');
    expect(orderDescription(['"'], 1)).toBe('物业缴费');
  });

  it('fits 127 bytes of UTF-8 with the count after it, cut between characters', () => {
    const d = orderDescription(['车位管理费'.repeat(20), '😀'.repeat(40)], 12);
    expect(Buffer.byteLength(d)).toBeLessThanOrEqual(127);
    expect(d.endsWith('等12笔')).toBe(true);
    expect(d).not.toMatch(/\uFFFD|[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    const emoji = orderDescription(['😀'.repeat(60)], 1);
    expect(Buffer.byteLength(emoji)).toBeLessThanOrEqual(127);
    expect([...emoji.slice('物业缴费-'.length)].every((c) => c === '😀')).toBe(true);
  });
});
