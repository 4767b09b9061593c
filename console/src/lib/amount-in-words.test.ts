import { describe, expect, it } from 'vitest';
import { amountInWords } from './amount-in-words.js';

/** The worked examples of 中国人民银行《正确填写票据和结算凭证的基本规定》 and the edges (docs/console.md, 大写). */
describe('amountInWords', () => {
  it.each([
    [0, '零元整'],
    [1, '壹分'],
    [50, '伍角整'],
    [1000, '壹拾元整'],
    [10_001_050, '壹拾万零壹拾元零伍角整'], // 元 place zero, 角 not: one 零, as 1,680.32
    [100_000_000, '壹佰万元整'],
    [140_950, '壹仟肆佰零玖元伍角整'],
    [168_032, '壹仟陆佰捌拾元零叁角贰分'],
    [10_700_053, '壹拾万柒仟元零伍角叁分'],
    [1_640_902, '壹万陆仟肆佰零玖元零贰分'],
    [32_504, '叁佰贰拾伍元零肆分'],
    [100_000_100, '壹佰万零壹元整'],
    [1_000_000_000_00, '壹拾亿元整'],
    [1_000_100_000_00, '壹拾亿零壹拾万元整'],
    [12_345_678_900, '壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元整'],
    [2_000_000, '贰万元整'],
    [200_100, '贰仟零壹元整'],
  ])('%i fen → %s', (fen, words) => {
    expect(amountInWords(fen)).toBe(words);
  });

  it('refuses what is not a whole, non-negative number of fen', () => {
    expect(() => amountInWords(-1)).toThrow(RangeError);
    expect(() => amountInWords(1.5)).toThrow(RangeError);
    expect(() => amountInWords(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
  });
});
