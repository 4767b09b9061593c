/**
 * An amount in fen written in Chinese capitals (大写), as on a receipt or a bank voucher, following
 * 中国人民银行《支付结算办法》附件一《正确填写票据和结算凭证的基本规定》 (docs/console.md, 大写):
 * - digits 零壹贰叁肆伍陆柒捌玖, places 拾佰仟万亿, units 元角分; 10 is 壹拾 (the 壹 is never dropped);
 * - zeros between digits are written as one 零, however many there are (1,409.50 → 壹仟肆佰零玖元伍角);
 * - where the rules allow 零 or nothing (a zero 万 or 元 place followed by a non-zero digit), we write
 *   nothing at a zero 万 place and one 零 between a zero 元 place and a non-zero 角 (1,680.32 →
 *   壹仟陆佰捌拾元零叁角贰分; 107,000.53 → 壹拾万柒仟元零伍角叁分), the first choice of each example;
 * - 角 zero and 分 not: 零 after 元 (325.04 → 叁佰贰拾伍元零肆分);
 * - ending at 元 or 角: 整 follows; ending at 分: nothing follows;
 * - below one yuan the 零元 is left out (0.01 → 壹分); nothing at all is 零元整.
 */
const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const PLACES = ['', '拾', '佰', '仟'];
const GROUPS = ['', '万', '亿', '万亿'];

/** 0–9999 in capitals, zeros inside collapsed to one 零, none at either end. */
function group(n: number): string {
  const digits = String(n).padStart(4, '0');
  let out = '';
  let zero = false;
  for (let i = 0; i < 4; i++) {
    const d = Number(digits[i]);
    if (d === 0) {
      zero = out !== '';
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d]! + PLACES[3 - i]!;
  }
  return out;
}

function yuanInWords(yuan: number): string {
  let out = '';
  let gapBefore = false; // a lower group with leading zeros after a higher one: one 零
  for (let g = GROUPS.length - 1; g >= 0; g--) {
    const value = Math.floor(yuan / 10_000 ** g) % 10_000;
    if (value === 0) {
      if (out) gapBefore = true;
      continue;
    }
    if (out && (gapBefore || value < 1000)) out += '零';
    gapBefore = false;
    out += group(value) + GROUPS[g]!;
  }
  return out;
}

export function amountInWords(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`金额必须是非负整数分：${fen}`);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  if (fen === 0) return '零元整';
  let out = yuan > 0 ? `${yuanInWords(yuan)}元` : '';
  if (jiao === 0 && cents === 0) return `${out}整`;
  if (yuan > 0 && (jiao === 0 || yuan % 10 === 0)) out += '零';
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  if (cents > 0) return `${out}${DIGITS[cents]}分`;
  return `${out}整`;
}
