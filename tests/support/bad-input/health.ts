import type { BadInputCases } from './types.js';

/** Bad input for the health module's routes (tests/bad-input.test.ts runs every module's). */
export const healthCases: BadInputCases = () => ({
  'GET /healthz': [],
  'GET /readyz': [],
});
