import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['bff/src/**/*.test.ts', 'simulator/src/**/*.test.ts', 'miniapp/src/**/*.test.{ts,tsx}', 'tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
