import { describe, expect, it } from 'vitest';
import { ERROR_STATUS } from '../../../../bff/src/errors';
import { ApiError } from '../../api/client';
import { HUMAN_ERRORS, humanError, humanToast } from './human-errors';

/** The texts the BFF itself sends that residents once saw (issue 30), and a message with a code in it. */
const RAW = ['接口不支持该请求方法', '接口不存在', '缺少参数', 'Invalid input: expected string', 'P2002'];

describe('the error table', () => {
  it('has plain words and a way out for every code the BFF can answer with', () => {
    for (const code of [...Object.keys(ERROR_STATUS), 'NETWORK', 'HTTP_ERROR']) {
      const h = HUMAN_ERRORS[code];
      expect(h, code).toBeDefined();
      expect(['retry', 'home', 'bind', 'contact', 'relogin']).toContain(h!.way);
      // Plain Chinese: no machine codes, no English beyond file-type names.
      expect(`${h!.title}${h!.description}`, code).not.toMatch(/[A-Z]{2,}_|\b(?!JPG|PNG|PDF)[A-Za-z]{3,}\b/);
    }
  });

  it("never lets the server's own text through, whatever the code", () => {
    for (const code of [...Object.keys(ERROR_STATUS), 'SOMETHING_NEW', 'NETWORK'])
      for (const raw of RAW) {
        const shown = humanToast(new ApiError(code, raw, 400));
        expect(shown).not.toContain(raw);
        expect(shown).not.toContain(code);
      }
    expect(humanError(new Error('TypeError: x is undefined')).title).toBe('系统出了点问题');
  });
});
