import { describe, expect, it } from 'vitest';
import { displayClasses, shouldOfferCare, textScale, type Display } from './display-rules';

const d = (over: Partial<Display>): Display => ({ care: '', text: 'wechat', wechatScale: 1, ...over });

describe('display settings', () => {
  it("follows WeChat's font scale in steps unless the resident picked a size", () => {
    expect(textScale(d({ wechatScale: 1 }))).toBe(1);
    expect(textScale(d({ wechatScale: 1.2 }))).toBe(1.25);
    expect(textScale(d({ wechatScale: 1.45 }))).toBe(1.5);
    expect(textScale(d({ wechatScale: 2.1 }))).toBe(2);
    expect(textScale(d({ wechatScale: 2, text: '1' }))).toBe(1);
    expect(textScale(d({ text: '2' }))).toBe(2);
  });

  it('marks the page root for care mode and the text scale', () => {
    expect(displayClasses(d({}))).toBe('');
    expect(displayClasses(d({ care: 'on' }))).toBe('care');
    expect(displayClasses(d({ care: 'on', text: '2' }))).toBe('care text-200');
    expect(displayClasses(d({ text: '1.5' }))).toBe('text-150');
  });

  it("offers care mode once when WeChat's font is large, never after a yes or no", () => {
    expect(shouldOfferCare(d({ wechatScale: 1.3 }))).toBe(true);
    expect(shouldOfferCare(d({ wechatScale: 1.1 }))).toBe(false);
    expect(shouldOfferCare(d({ wechatScale: 1.5, care: 'off' }))).toBe(false);
    expect(shouldOfferCare(d({ wechatScale: 1.5, care: 'on' }))).toBe(false);
  });
});
