import type { BadInputCases } from './types.js';

/** Bad input for the committee's terms (tests/bad-input.test.ts runs every module's). */
export const committeeCases: BadInputCases = ({ uuid, site }) => {
  const c = site.community.id;
  const term = {
    communityId: c,
    startsOn: '2026-11-01',
    endsOn: '2031-10-31',
    filedOn: '2026-11-20',
    receiptUploadId: uuid,
    members: [{ userId: uuid, office: 'DIRECTOR' }],
  };
  return {
    'GET /api/company/committee': [
      { path: '/api/company/committee' },
      { path: '/api/company/committee?communityId=nope' },
      { path: `/api/company/committee?communityId=${c}&x=1` },
      // Not the caller's community: it does not exist for them.
      { path: `/api/company/committee?communityId=${c}`, expect: 404 },
    ],
    'POST /api/company/committee/terms': [
      { path: '/api/company/committee/terms', body: {} },
      { path: '/api/company/committee/terms', body: { ...term, receiptUploadId: undefined } },
      { path: '/api/company/committee/terms', body: { ...term, filedOn: '2026-02-30' } },
      { path: '/api/company/committee/terms', body: { ...term, endsOn: '2026-10-01' } },
      { path: '/api/company/committee/terms', body: { ...term, members: [] } },
      { path: '/api/company/committee/terms', body: { ...term, members: [{ userId: uuid, office: 'MEMBER' }] } },
      { path: '/api/company/committee/terms', body: { ...term, members: [{ userId: uuid, office: '主任' }] } },
      {
        path: '/api/company/committee/terms',
        body: { ...term, members: [{ userId: uuid, phone: '13912345678', office: 'DIRECTOR' }] },
      },
      { path: '/api/company/committee/terms', body: { ...term, members: [{ phone: '123', office: 'DIRECTOR' }] } },
      { path: '/api/company/committee/terms', body: { ...term, x: 1 } },
      { path: '/api/company/committee/terms', raw: '{"communityId":', contentType: 'application/json' },
      { path: '/api/company/committee/terms', body: term, expect: 404 },
    ],
  };
};
