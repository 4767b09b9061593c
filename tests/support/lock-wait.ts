import type { PrismaClient } from '@prisma/client';

/**
 * Resolves once some backend (or `atLeast` of them) of this test's database waits on a lock (pg_stat_activity), so a race test
 * releases its held transaction only after the other side is really blocked on it — not after a guessed sleep.
 */
export async function untilSomeoneWaitsOnALock(db: PrismaClient, atLeast = 1, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await db.$queryRaw<{ waiting: number }[]>`
      SELECT count(*)::int AS waiting FROM pg_stat_activity
       WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    if ((row?.waiting ?? 0) >= atLeast) return;
    if (Date.now() > deadline)
      throw new Error(`fewer than ${atLeast} backends waited on a lock within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
