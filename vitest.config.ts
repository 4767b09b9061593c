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
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['bff/src/**/*.test.ts', 'simulator/src/**/*.test.ts', 'miniapp/src/**/*.test.{ts,tsx}'],
        },
      },
      { extends: true, test: { name: 'api', include: ['tests/*.test.ts'] } },
      { extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'] } },
    ],
  },
});
