import type { BadInputCases } from './types.js';

/** Bad input for the me module's routes (tests/bad-input.test.ts runs every module's). */
export const meCases: BadInputCases = () => ({
  'GET /api/me': [],
});
