import type { BadInputCases } from './types.js';

/** Bad input for the statistics routes (#31; tests/bad-input.test.ts runs every module's). */
export const statsCases: BadInputCases = ({ site }) => {
  const base = `/api/staff/communities/${site.community.id}/stats`;
  return {
    'GET /api/staff/communities/:communityId/stats': [
      { path: '/api/staff/communities/not-a-uuid/stats' },
      { path: `${base}?month=2026-13` },
      { path: `${base}?month=2026-1` },
      { path: `${base}?month=` },
      { path: `${base}?period=2026-11` },
    ],
    'GET /api/staff/communities/:communityId/stats/export': [
      { path: `${base}/export?month=2026-11` },
      { path: `${base}/export?month=2026-11&format=pdf` },
      { path: `${base}/export?month=11-2026&format=csv` },
    ],
    'GET /api/company/stats': [{ path: '/api/company/stats?month=2026-00' }, { path: '/api/company/stats?x=1' }],
  };
};
