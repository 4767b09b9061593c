import type { BadInputCases } from './types.js';

/** Bad input for the desk console's voice routes (#31, docs/console.md §Voice). */
export const voiceDeskCases: BadInputCases = ({ uuid }) => {
  const queue = `/api/staff/communities/${uuid}/complaints`;
  const surveys = `/api/staff/communities/${uuid}/surveys`;
  const actions = `/api/staff/complaints/${uuid}/actions`;
  return {
    'GET /api/staff/communities/:communityId/complaints': [
      { path: '/api/staff/communities/1/complaints' },
      { path: `${queue}?status=OPEN` },
      { path: `${queue}?kind=PRAISE` },
      { path: `${queue}?overdue=yes` },
      { path: `${queue}?limit=0` },
      { path: `${queue}?sort=filedAt` },
      { path: `${queue}?month=2026-13` },
      { path: `${queue}?rehandled=yes` },
    ],
    'GET /api/staff/complaints/:id': [{ path: '/api/staff/complaints/TS-1' }],
    'POST /api/staff/complaints/:id/actions': [
      { path: actions, body: {} },
      { path: actions, body: { action: 'close' } },
      { path: actions, body: { action: 'note', note: '进展', public: 'no' } },
      { path: actions, body: { action: 'confirm', satisfied: 'yes' } },
      { path: '/api/staff/complaints/x/actions', body: { action: 'done', note: '好了' } },
    ],
    'GET /api/staff/communities/:communityId/surveys': [
      { path: '/api/staff/communities/1/surveys' },
      { path: `${surveys}?limit=1000` },
      { path: `${surveys}?state=OPEN` },
    ],
  };
};
