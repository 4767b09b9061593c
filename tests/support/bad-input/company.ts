import type { BadInputCases } from './types.js';

/** Bad input for the company module's routes (tests/bad-input.test.ts runs every module's). */
export const companyCases: BadInputCases = () => ({
  'GET /api/company/communities/compare': [
    { path: '/api/company/communities/compare?period=2026-13' },
    { path: '/api/company/communities/compare?period=' },
    { path: '/api/company/communities/compare?sort=rate' },
  ],
});
