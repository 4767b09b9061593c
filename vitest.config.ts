import { defineConfig } from 'vitest/config';

/**
 * Three projects: `unit` (pure code and single components against real Redis), `api` (the BFF over
 * HTTP on a database of its own per file) and `e2e` (the H5 build in Chromium). `npm test` runs all;
 * `npx vitest run --project api` runs one.
 */
export default defineConfig({
  test: {
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // On two cores vitest's default is one file at a time (cores − 1). The unit and api files spend
    // most of their time waiting on PostgreSQL, worker processes and timers, so two run side by side;
    // the browser files (Chromium, the BFF and the seeded stack in one process) run after them, one at
    // a time, without api files competing for the CPU.
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['bff/src/**/*.test.ts', 'simulator/src/**/*.test.ts', 'miniapp/src/**/*.test.{ts,tsx}'],
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: { name: 'api', include: ['tests/*.test.ts'], maxWorkers: 2, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], maxWorkers: 1, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
