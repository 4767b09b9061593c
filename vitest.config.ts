import { defineConfig } from 'vitest/config';

/**
 * The money, the reports and every way to SQL again in a process whose own time zone is not UTC: a
 * date written or read in the process's zone instead of as UTC shows up there (docs/conventions.md,
 * Time). Only the files where time zones matter, to keep the run short.
 */
const TIME_ZONE_FILES = [
  'tests/time-zones/*.test.ts',
  'tests/sql-time.test.ts',
  'tests/billing.test.ts',
  'tests/counter-payments.test.ts',
  'tests/fee-reports.test.ts',
  'tests/payments.test.ts',
  'tests/pay-notify.test.ts',
  'tests/reconciliation.test.ts',
  'tests/ledger-property.test.ts',
  'bff/src/beijing.test.ts',
  'bff/src/db.test.ts',
  'bff/src/fees/**/*.test.ts',
];
const TIME_ZONES = [
  ['tz-shanghai', 'Asia/Shanghai'],
  ['tz-new-york', 'America/New_York'],
] as const;

/**
 * Projects: `unit` (pure code and single components against real Redis), `api` (the BFF over HTTP on
 * a database of its own per file), `e2e` (the H5 build in Chromium), `weapp` (the weapp build in
 * WeChat's component framework, one child process per page: docs/weapp-tests.md), and `tz-shanghai` / `tz-new-york`
 * (TIME_ZONE_FILES with TZ set for the forked test processes and what they spawn). `npm test` runs
 * all; `npx vitest run --project api` runs one.
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
          include: [
            'bff/src/**/*.test.ts',
            'simulator/src/**/*.test.ts',
            'miniapp/src/**/*.test.{ts,tsx}',
            'console/src/**/*.test.{ts,tsx}',
          ],
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
      {
        extends: true,
        test: { name: 'weapp', include: ['tests/weapp/**/*.test.ts'], maxWorkers: 1, sequence: { groupOrder: 0 } },
      },
      ...TIME_ZONES.map(([name, TZ]) => ({
        extends: true as const,
        test: { name, include: TIME_ZONE_FILES, env: { TZ }, maxWorkers: 2, sequence: { groupOrder: 0 } },
      })),
    ],
  },
});
