import type { BadInputCases } from './types.js';

/** Bad input for 随手拍. */
export const snapshotsCases: BadInputCases = ({ uuid, site }) => {
  const good = { communityId: site.community.id, kind: 'PROBLEM', text: '3号楼门口路灯不亮' };
  return {
    'POST /api/snapshots': [
      { path: '/api/snapshots', body: {} },
      { path: '/api/snapshots', body: { ...good, kind: 'COMPLAINT' } },
      { path: '/api/snapshots', body: { ...good, text: '好' } },
      { path: '/api/snapshots', body: { ...good, text: 'x'.repeat(501) } },
      { path: '/api/snapshots', body: { ...good, wallConsent: true } },
      { path: '/api/snapshots', body: { ...good, uploadIds: Array(10).fill(uuid) } },
      { path: '/api/snapshots', body: { ...good, status: 'CLOSED' } },
    ],
    'GET /api/snapshots': [{ path: '/api/snapshots?status=OPEN' }, { path: '/api/snapshots?kind=x' }],
    'GET /api/snapshots/:id': [{ path: '/api/snapshots/abc' }],
    'POST /api/snapshots/:id/actions': [
      { path: `/api/snapshots/${uuid}/actions`, body: {} },
      { path: `/api/snapshots/${uuid}/actions`, body: { action: 'reply' } },
      { path: `/api/snapshots/${uuid}/actions`, body: { action: 'delete' } },
      { path: `/api/snapshots/${uuid}/actions`, body: { action: 'close', text: 'x' } },
    ],
    'GET /api/communities/:communityId/praise-wall': [
      { path: '/api/communities/x/praise-wall' },
      { path: `/api/communities/${uuid}/praise-wall?limit=0` },
    ],
    'GET /api/staff/communities/:communityId/snapshots': [
      { path: '/api/staff/communities/x/snapshots' },
      { path: `/api/staff/communities/${uuid}/snapshots?status=NEW` },
    ],
  };
};
