import { describe, expect, it } from 'vitest';
import { fromDraft, move, toDraft, toggle } from './chain';

describe('an escalation chain as the settings page edits it', () => {
  const step = { label: '物业公司第二响应', roles: ['COMPANY_ADMIN' as const], userIds: [], minutes: 8 };

  it('goes back to the BFF as it came, minutes as numbers, names trimmed', () => {
    const draft = toDraft([step]);
    expect(draft[0]!.minutes).toBe('8');
    expect(fromDraft('应急升级链', [{ ...draft[0]!, label: ' 主管 ' }])).toEqual({
      steps: [{ ...step, label: '主管' }],
    });
  });

  it('says in Chinese which step is not ready', () => {
    const [d] = toDraft([step]);
    expect(fromDraft('日常升级链', [d!, { ...d!, label: '' }])).toEqual({
      problem: '日常升级链第 2 环节：请填写环节名称',
    });
    expect(fromDraft('日常升级链', [{ ...d!, minutes: '1.5' }])).toMatchObject({
      problem: expect.stringMatching(/整数分钟/),
    });
    expect(fromDraft('日常升级链', [{ ...d!, minutes: '0' }])).toMatchObject({
      problem: expect.stringMatching(/1 到 1440/),
    });
    expect(fromDraft('应急升级链', [{ ...d!, roles: [] }])).toEqual({
      problem: '应急升级链第 1 环节：至少要有一个通知对象',
    });
  });

  it('moves a step up or down, never past either end; toggles a choice', () => {
    expect(move(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(move(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
    expect(toggle(['x'], 'y')).toEqual(['x', 'y']);
    expect(toggle(['x', 'y'], 'x')).toEqual(['y']);
  });
});
