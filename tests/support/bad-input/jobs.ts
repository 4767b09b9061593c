import type { BadInputCases } from './types.js';

/** Bad input for the jobs module's routes (tests/bad-input.test.ts runs every module's). */
export const jobsCases: BadInputCases = () => ({
  'GET /api/admin/jobs/failed': [
    { path: '/api/admin/jobs/failed?limit=0' },
    { path: '/api/admin/jobs/failed?state=all' },
  ],
});
