import { afterAll, beforeAll } from 'vitest';
import { startHarness, type Harness, type StackOptions } from './harness.js';

/**
 * One call per test file: the stack starts before the file's tests and stops after them. The handle
 * reads through to the running harness, so it can be used at the top level of the file.
 */
export function useHarness(opts: StackOptions | (() => Promise<StackOptions>) = {}): Harness {
  let current: Harness | undefined;
  beforeAll(async () => {
    current = await startHarness(typeof opts === 'function' ? await opts() : opts);
  }, 60_000);
  afterAll(async () => {
    await current?.close();
  });
  return new Proxy({} as Harness, {
    get(_, key) {
      if (!current)
        throw new Error(`harness.${String(key)} used before the harness started (use it inside a test or beforeAll)`);
      return current[key as keyof Harness];
    },
  });
}
