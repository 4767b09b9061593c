import type { BadInputCases } from './types.js';

/** Bad input for the import and invitation routes (tests/bad-input.test.ts runs every module's). */
export const importCases: BadInputCases = ({ uuid, site }) => {
  const upload = (query: string) => `/api/staff/imports${query}`;
  return {
    'GET /api/staff/communities/:communityId/import-template': [
      { path: '/api/staff/communities/not-a-uuid/import-template' },
      { path: `/api/staff/communities/${site.community.id}/import-template`, expect: 404 },
    ],
    'POST /api/staff/imports': [
      { path: upload(''), raw: '--x--\r\n', contentType: 'multipart/form-data; boundary=x' },
      { path: upload('?communityId=1'), raw: '--x--\r\n', contentType: 'multipart/form-data; boundary=x' },
      // Not an administrator of that community's company: the community does not exist for the caller.
      {
        path: upload(`?communityId=${site.community.id}`),
        raw: '--x--\r\n',
        contentType: 'multipart/form-data; boundary=x',
        expect: 404,
      },
    ],
    'GET /api/staff/imports/:id': [
      { path: '/api/staff/imports/nope' },
      { path: `/api/staff/imports/${uuid}`, expect: 404 },
    ],
    'POST /api/staff/imports/:id/apply': [
      { path: '/api/staff/imports/nope/apply' },
      { path: `/api/staff/imports/${uuid}/apply`, expect: 404 },
    ],
    'POST /api/invitations/preview': [
      { path: '/api/invitations/preview', body: {} },
      { path: '/api/invitations/preview', body: { token: 'short' } },
      { path: '/api/invitations/preview', body: { token: 'A'.repeat(32), extra: 1 } },
      { path: '/api/invitations/preview', body: { token: 'A'.repeat(32) }, expect: 404 },
    ],
    'POST /api/invitations/accept': [
      { path: '/api/invitations/accept', body: { token: 42 } },
      { path: '/api/invitations/accept', body: { token: 'A'.repeat(32) }, expect: 404 },
    ],
  };
};
