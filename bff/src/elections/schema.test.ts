import { describe, expect, it } from 'vitest';
import { ZAdmitVoter, ZNewElection } from './schema.js';

/** Review finding 13: every refusal in Chinese; an admitted voter's phone is a real phone. */
const election = { title: '第三届业主委员会选举', kind: 'ELECTION', seats: 3, closesAt: '2027-01-01T00:00:00Z' };
const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.error?.issues.map((i) => i.message) ?? [];
const chinese = /[\u4e00-\u9fff]/;

describe('election input', () => {
  it.each([15.5, 91, 14])('noticeDays %s is refused in Chinese', (noticeDays) => {
    const r = ZNewElection.safeParse({ ...election, noticeDays });
    expect(r.success).toBe(false);
    expect(messages(r).every((m) => chinese.test(m))).toBe(true);
  });
  it.each([2.5, 0, 23])('seats %s is refused in Chinese', (seats) => {
    const r = ZNewElection.safeParse({ ...election, seats });
    expect(r.success).toBe(false);
    expect(messages(r).every((m) => chinese.test(m))).toBe(true);
  });

  const admit = (phone: string) =>
    ZAdmitVoter.safeParse({
      unitId: '00000000-0000-4000-8000-000000000000',
      kind: 'SUCCESSOR',
      phone,
      reason: '继承人参加表决',
      evidenceUploadId: '00000000-0000-4000-8000-000000000000',
    });
  it.each(['123456', '12345678901', '23800138000', '+0123456789', '138001380001'])('phone %s is refused', (phone) => {
    const r = admit(phone);
    expect(r.success).toBe(false);
    expect(messages(r)[0]).toMatch(chinese);
  });
  it.each([
    ['13800138000', '13800138000'],
    ['138 0013-8000', '13800138000'],
    ['+442071234567', '+442071234567'],
  ])('phone %s is accepted as %s', (phone, clean) => {
    expect(admit(phone)).toMatchObject({ success: true, data: { phone: clean } });
  });
});
