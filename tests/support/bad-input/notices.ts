import type { BadInputCases } from './types.js';

/** Bad input for the notices module's routes (tests/bad-input.test.ts runs every module's). */
export const noticesCases: BadInputCases = ({ uuid, site }) => {
  const good = { title: '停水通知', body: '<p>明日停水</p>', category: 'OUTAGE', communityIds: [site.community.id] };
  return {
    'GET /api/notices': [
      { path: '/api/notices' },
      { path: '/api/notices?communityId=x' },
      { path: `/api/notices?communityId=${uuid}&category=SPAM` },
      { path: `/api/notices?communityId=${uuid}&limit=0` },
    ],
    'GET /api/notices/:id': [{ path: '/api/notices/1' }],
    'POST /api/staff/notices': [
      { path: '/api/staff/notices', body: {} },
      { path: '/api/staff/notices', body: { ...good, title: '' } },
      { path: '/api/staff/notices', body: { ...good, title: '\u200b\u200b' } },
      { path: '/api/staff/notices', body: { ...good, title: 'x'.repeat(61) } },
      { path: '/api/staff/notices', body: { ...good, body: 'a\u0000b' } },
      { path: '/api/staff/notices', body: { ...good, category: 'ADS' } },
      { path: '/api/staff/notices', body: { ...good, communityIds: [] } },
      { path: '/api/staff/notices', body: { ...good, communityIds: ['nope'] } },
      { path: '/api/staff/notices', body: { ...good, effectiveUntil: 'tomorrow' } },
      { path: '/api/staff/notices', body: { ...good, contactPhone: 'call me' } },
      { path: '/api/staff/notices', body: { ...good, uploadIds: Array(10).fill(uuid) } },
      { path: '/api/staff/notices', body: { ...good, status: 'PUBLISHED' } },
    ],
    'GET /api/staff/communities/:communityId/notices': [
      { path: '/api/staff/communities/x/notices' },
      { path: `/api/staff/communities/${uuid}/notices?status=GONE` },
    ],
    'GET /api/staff/notices/:id': [{ path: '/api/staff/notices/x' }],
    'PUT /api/staff/notices/:id': [
      { path: `/api/staff/notices/${uuid}`, body: good },
      { path: `/api/staff/notices/${uuid}`, body: { ...good, version: 'one' } },
      { path: '/api/staff/notices/x', body: { ...good, version: 1 } },
      { path: `/api/staff/notices/${uuid}`, body: { ...good, version: 1, removeUploadIds: ['x'] } },
    ],
    'POST /api/staff/notices/:id/publish': [{ path: '/api/staff/notices/x/publish' }],
    'POST /api/staff/notices/:id/withdraw': [
      { path: `/api/staff/notices/${uuid}/withdraw`, body: {} },
      { path: `/api/staff/notices/${uuid}/withdraw`, body: { reason: '错' } },
    ],
    'GET /api/staff/notices/:id/unread-units': [{ path: '/api/staff/notices/x/unread-units' }],
  };
};
