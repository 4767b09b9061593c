import type { BadInputCases } from './types.js';

/** Bad input for the push module's routes (tests/bad-input.test.ts runs every module's). */
export const pushCases: BadInputCases = ({ uuid }) => ({
  'GET /api/push/subscriptions': [],
  'POST /api/push/subscriptions': [
    { path: '/api/push/subscriptions', body: {} },
    { path: '/api/push/subscriptions', body: { results: {} } },
    { path: '/api/push/subscriptions', body: { results: { T1: 'maybe' } } },
    { path: '/api/push/subscriptions', body: { results: { T1: 'accept', T2: 'accept', T3: 'accept', T4: 'accept' } } },
  ],
  'GET /api/staff/communities/:communityId/pushes': [
    { path: `/api/staff/communities/${uuid}/pushes` },
    { path: '/api/staff/communities/x/pushes?kind=a&id=b' },
  ],
});
