import type { BadInputCases } from './types.js';

/** Bad input for the privacy module's routes (tests/bad-input.test.ts runs every module's). */
export const privacyCases: BadInputCases = ({ uuid }) => ({
  'POST /api/staff/communities/:communityId/reveal': [
    { path: `/api/staff/communities/${uuid}/reveal`, body: { userId: uuid, field: 'ID_NUMBER', reason: '核实身份' } },
    { path: `/api/staff/communities/${uuid}/reveal`, body: { userId: uuid, field: 'PHONE' } },
    {
      path: `/api/staff/communities/${uuid}/reveal`,
      body: { userId: uuid, field: 'PHONE', reason: '\u200b\u200b\u200b' },
    },
    { path: '/api/staff/communities/x/reveal', body: { userId: uuid, field: 'PHONE', reason: '核实身份' } },
  ],
});
