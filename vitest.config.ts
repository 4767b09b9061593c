import { defineConfig } from 'vitest/config';

/**
 * The money, the reports and every way to SQL again in a process whose own time zone is not UTC: a
 * date written or read in the process's zone instead of as UTC shows up there (docs/conventions.md,
 * Time). Each zone catches its own kind of slip: in America/New_York (UTC−5/−4) a UTC or Beijing
 * midnight read with local getters falls on the day before; in Asia/Shanghai (UTC+8, Beijing's own
 * offset) a local midnight taken for UTC does. Only the files where time zones matter, and
 * each stack file (the BFF on a database of its own, seconds each) in one zone only:
 * - both zones: the SQL path itself (sql-time, db), the zone check, and the pure date and money
 *   helpers (beijing, fees/*: milliseconds each);
 * - America/New_York: every money path (billing, WeChat Pay with refunds and the query jobs, the
 *   counter, reconciliation, the reports, the ledger property): a negative offset is where a
 *   Beijing day, month or due date slips;
 * - Asia/Shanghai: the payment notification (pay-notify), whose payment path New York runs in
 *   payments.test.ts.
 */
const BOTH_ZONES = [
  'tests/time-zones/*.test.ts',
  'tests/sql-time.test.ts',
  'bff/src/beijing.test.ts',
  'bff/src/db.test.ts',
  'bff/src/fees/**/*.test.ts',
];
const TIME_ZONES = [
  ['tz-shanghai', 'Asia/Shanghai', [...BOTH_ZONES, 'tests/pay-notify.test.ts']],
  [
    'tz-new-york',
    'America/New_York',
    [
      ...BOTH_ZONES,
      'tests/billing.test.ts',
      'tests/counter-payments.test.ts',
      'tests/fee-reports.test.ts',
      'tests/payments.test.ts',
      'tests/reconciliation.test.ts',
      'tests/ledger-property.test.ts',
    ],
  ],
] as const;

/**
 * The API tests of every Redis path (sessions and their revocation, the notice list's scripts, desk
 * login tickets, rate limits, the access token lock and pushes through the in-process worker), again on a
 * Redis Cluster of three masters (docs/production.md, Redis Cluster): a cross-slot script, MULTI or
 * multi-key command fails there with CROSSSLOT.
 */
const REDIS_CLUSTER = [
  'tests/auth.test.ts',
  'tests/notices.test.ts',
  'tests/desk-login.test.ts',
  'tests/rate-limits.test.ts',
  'tests/push.test.ts',
];

/**
 * Projects: `unit` (pure code and single components against real Redis), `api` (the BFF over HTTP on
 * a database of its own per file), `e2e` (the H5 build in Chromium), `weapp` (the weapp build in
 * WeChat's component framework, one child process per page: docs/weapp-tests.md), and `tz-shanghai` / `tz-new-york`
 * (their files with TZ set for the forked test processes and what they spawn). `npm test` runs
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
    // a time, without api files competing for the CPU. `weapp` is not in the first group despite its
    // groupOrder 0: vitest 4 puts the files of an isolated project with maxWorkers 1 and groupOrder 0 in
    // a sequential group of their own, run after every other group (after e2e).
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
        // Not isolated: a worker imports the BFF, the simulator and Prisma once for all its files, not once
        // per file (2–3 s each, a quarter of the files' time on a loaded machine). Each file still starts
        // a stack of its own on a database of its own and stops it in afterAll; nothing in these files
        // mocks a module or keeps state between files (tests/support/harness.ts).
        test: { name: 'api', include: ['tests/*.test.ts'], maxWorkers: 2, isolate: false, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          maxWorkers: 1,
          isolate: false, // as the api project: Playwright, the stack and the BFF imported once (90 s of 950 s before)
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: { name: 'weapp', include: ['tests/weapp/**/*.test.ts'], maxWorkers: 1, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: {
          name: 'redis-cluster',
          include: REDIS_CLUSTER,
          globalSetup: ['tests/support/redis-cluster-setup.ts'],
          // The same tests with a round trip per node: notices' 100 concurrent reads took 15 s on one
          // Redis on a loaded machine, and went past the 20 s default on the cluster.
          testTimeout: 40_000,
          maxWorkers: 2,
          isolate: false, // as the api project
          sequence: { groupOrder: 0 },
        },
      },
      ...TIME_ZONES.map(([name, TZ, include]) => ({
        extends: true as const,
        test: { name, include: [...include], env: { TZ }, maxWorkers: 2, isolate: false, sequence: { groupOrder: 0 } },
      })),
    ],
  },
});
