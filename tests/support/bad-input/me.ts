import type { BadInputCases } from './types.js';

/** Bad input for the me module's routes (tests/bad-input.test.ts runs every module's). */
export const meCases: BadInputCases = ({ uuid }) => ({
  'GET /api/me': [],
  'GET /api/staff/communities/:communityId/waiting': [
    { path: '/api/staff/communities/x/waiting' },
    // Not a staff member there: exactly as if the community did not exist.
    { path: `/api/staff/communities/${uuid}/waiting`, expect: 404 },
  ],
});
