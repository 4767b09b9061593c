import type { BadInputCases } from './types.js';

/** Bad input for 代客报修 / 代客登记 (the office files for a resident who phoned or came in). */
export const onBehalfCases: BadInputCases = ({ uuid, site }) => {
  const who = { unitId: site.units[0]!.id, residentId: uuid, channel: 'PHONE' };
  const repair = { ...who, faultType: 'WATER', part: '水龙头', phenomenon: '漏水', emergency: false };
  const snapshot = { ...who, kind: 'PROBLEM', text: '东门路灯不亮' };
  const r = `/api/staff/communities/${site.community.id}/repairs/on-behalf`;
  const s = `/api/staff/communities/${site.community.id}/snapshots/on-behalf`;
  return {
    'POST /api/staff/communities/:communityId/repairs/on-behalf': [
      { path: '/api/staff/communities/x/repairs/on-behalf', body: repair },
      { path: r, body: {} },
      { path: r, body: { ...repair, channel: 'WECHAT' } },
      { path: r, body: { ...repair, unitId: 'abc' } },
      { path: r, body: { ...repair, residentId: undefined } },
      { path: r, body: { ...repair, contactPhone: '021-12345678' } },
      { path: r, body: { ...repair, part: '' } },
      { path: r, body: { ...repair, communityId: site.community.id, commonArea: '东门' } },
      { path: r, body: { ...repair, emergency: 'yes' } },
      { path: r, body: { ...repair, uploadIds: Array(10).fill(uuid) } },
      // Well formed, but the caller runs no office there: not found, like a unit that is not theirs.
      { path: r, body: repair, expect: 404 },
    ],
    'POST /api/staff/communities/:communityId/snapshots/on-behalf': [
      { path: '/api/staff/communities/x/snapshots/on-behalf', body: snapshot },
      { path: s, body: {} },
      { path: s, body: { ...snapshot, channel: 'phone' } },
      { path: s, body: { ...snapshot, text: '好' } },
      { path: s, body: { ...snapshot, wallConsent: true } },
      { path: s, body: { ...snapshot, kind: 'COMPLAINT' } },
      { path: s, body: snapshot, expect: 404 },
    ],
  };
};
