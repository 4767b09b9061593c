import { describe, expect, it } from 'vitest';
import { checkValue } from './subscribe.js';
// WeChat's documented examples, kept verbatim beside the BFF's other WeChat samples (data only).
import {
  WECHAT_DOC_SUBSCRIBE_VALUES,
  WECHAT_REFUSED_TIME_VALUE,
} from '../../../bff/src/wechat/samples/subscribe-values.js';
import { EMPTY_FALLBACK, fitValue, type KeywordType } from '../../../bff/src/push/fit.js';

/** The simulator refuses subscribe-message values as WeChat does (docs/wechat.md §4): 47003. */
describe('subscribe-message values the simulator accepts', () => {
  it("accepts WeChat's documented time and date examples", () => {
    for (const v of WECHAT_DOC_SUBSCRIBE_VALUES.time) expect(checkValue('time', v), v).toBeNull();
    for (const v of WECHAT_DOC_SUBSCRIBE_VALUES.date) expect(checkValue('date', v), v).toBeNull();
    expect(checkValue('time', '2019年10月1日 15:01~2019年10月1日 18:00')).toBeNull();
  });

  it('refuses times and dates in shapes WeChat does not document', () => {
    for (const v of [
      WECHAT_REFUSED_TIME_VALUE,
      '2026-12-03 18:48',
      '2026-12-03',
      '2019年10月1日 15:01:30',
      '25:00',
      '3pm',
    ])
      expect(checkValue('time', v), v).toBe('invalid');
    for (const v of ['2026-12-03', '15:01', '2019年13月1日', '2019/10/01'])
      expect(checkValue('date', v), v).toBe('invalid');
  });

  it('refuses empty values of any type, as WeChat does', () => {
    for (const type of ['thing', 'phrase', 'character_string', 'name', 'time'])
      for (const v of ['', '  ', undefined]) expect(checkValue(type, v), `${type} ${String(v)}`).toBe('empty');
  });

  it('accepts what the BFF fits, however empty or odd the input', () => {
    const at = new Date('2026-12-03T10:48:00Z');
    expect(checkValue('time', fitValue('time', at))).toBeNull();
    expect(checkValue('date', fitValue('date', at))).toBeNull();
    for (const type of Object.keys(EMPTY_FALLBACK) as KeywordType[])
      for (const input of ['', '   ', 'OK!', '长'.repeat(40)])
        expect(checkValue(type, fitValue(type, input)), `${type} ${input}`).toBeNull();
  });
});
