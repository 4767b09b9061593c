import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPhone } from './mask.js';
import { e164, normaliseImportedPhone } from './phone.js';

const digitsOf = (s: string) => s.replace(/^\+\d+ /, '').replace(/\D/g, '');

describe('phone masking (docs/domain.md §6, issue 6 item 3)', () => {
  it.each([
    // number, masked: mainland mobiles keep the format residents know; the country code stays visible
    ['+8613812345678', '+86 138****5678'],
    ['+85291234567', '+852 91****67'], // Hong Kong, 8 digits
    ['+12025550123', '+1 20*****123'], // US, 10 digits
    ['+5513812345678', '+55 13******678'], // Brazil: same digits as a mainland mobile, not the same number
    ['+861234567', '+86 1****67'], // 7 digits: was shown whole
    ['+8612345678', '+86 12****78'], // 8 digits: had a single digit hidden
    ['+44207946095', '+44 20*****95'], // 9 digits, odd
    ['+8613', '+86 **'],
  ])('%s → %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it('hides at least half of the national digits of every non-mainland-mobile number of 1 to 15 digits', () => {
    for (let n = 1; n <= 13; n++) {
      for (const cc of ['852', '1', '44']) {
        const national = '9876543210987'.slice(0, n);
        const masked = maskPhone(`+${cc}${national}`)!;
        const hidden = (masked.match(/\*/g) ?? []).length;
        expect(hidden * 2, masked).toBeGreaterThanOrEqual(n);
        expect(masked.startsWith(`+${cc} `), masked).toBe(true);
        expect(digitsOf(masked).length + hidden).toBe(n);
      }
    }
  });

  it('is null for no phone', () => {
    expect(maskPhone(null)).toBeNull();
    expect(maskPhone('')).toBeNull();
  });
});

describe('E.164 (issue 6 item 2)', () => {
  it('joins the country code and the pure number from getPhoneNumber', () => {
    expect(e164('86', '13812345678')).toBe('+8613812345678');
    expect(e164('55', '13812345678')).toBe('+5513812345678');
  });
  it('reads roster imports without a prefix as mainland numbers', () => {
    expect(normaliseImportedPhone('13812345678')).toBe('+8613812345678');
    expect(normaliseImportedPhone('138 1234-5678')).toBe('+8613812345678');
    expect(normaliseImportedPhone('+852 9123 4567')).toBe('+85291234567');
  });
});

describe('names and ID numbers', () => {
  it('keeps only the family name', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('李')).toBe('李*');
    expect(maskName('')).toBeNull();
  });

  it('masks ID numbers as 110105********0123', () => {
    expect(maskIdNumber('110105199001010123')).toBe('110105********0123');
  });
});
