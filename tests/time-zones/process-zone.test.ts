import { execFileSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { childProcessEnv } from '../support/worker-process.js';

/**
 * The tz-* projects run in the zone they are named after (vitest.config.ts): this file is only in
 * those, and fails if TZ did not reach the test process or a process it spawns (worker-process.ts
 * passes TZ on the same way).
 */
const OFFSET_MINUTES: Record<string, number> = { 'Asia/Shanghai': -480, 'America/New_York': 300 };

it('runs the test process in the project’s time zone', () => {
  const offset = OFFSET_MINUTES[process.env.TZ ?? ''];
  expect(offset, `TZ=${process.env.TZ}`).toBeDefined();
  expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(offset);
});

it('runs a process it spawns, as a worker process is, in the same time zone', () => {
  const child = execFileSync(
    process.execPath,
    ['-e', 'process.stdout.write(String(new Date(2026, 0, 1).getTimezoneOffset()))'],
    { env: childProcessEnv() },
  );
  expect(Number(child.toString())).toBe(OFFSET_MINUTES[process.env.TZ ?? '']);
});
